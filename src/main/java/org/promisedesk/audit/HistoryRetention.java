package org.promisedesk.audit;

import java.util.ArrayList;
import java.util.Map;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How long the history of a finished process instance is kept before the engine's history
 * cleanup removes it. Each model carries its own {@code camunda:historyTimeToLive} (five years);
 * {@code promise-desk.audit.history-time-to-live.<process id>} (days) overrides it at deployment,
 * so operators can change retention without editing a model.
 */
@Component
@EnableConfigurationProperties(HistoryRetention.Settings.class)
class HistoryRetention extends AbstractProcessEnginePlugin {

    @ConfigurationProperties("promise-desk.audit")
    record Settings(Map<String, Integer> historyTimeToLive) {
        Settings {
            historyTimeToLive = historyTimeToLive == null ? Map.of() : Map.copyOf(historyTimeToLive);
        }
    }

    private final Settings settings;

    HistoryRetention(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                Integer days = settings.historyTimeToLive().get(processDefinition.getKey());
                if (days != null) {
                    processDefinition.setHistoryTimeToLive(days);
                }
            }
        });
    }
}
