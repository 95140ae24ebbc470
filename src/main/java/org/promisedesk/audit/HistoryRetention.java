package org.promisedesk.audit;

import java.util.ArrayList;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The one place retention is set ({@code promise-desk.audit} in application.yaml): how long the
 * history of a finished process instance is kept, and the nightly window in which the engine's
 * history cleanup removes what is older.
 *
 * <p>{@code history-time-to-live.default} (days) applies to EVERY process, whatever its model says,
 * so a deployment (process owners deploy from Camunda Modeler) cannot shorten retention;
 * {@code history-time-to-live.<process id>} sets one process; decisions likewise (by decision id).
 * The cleanup window replaces the
 * engine's {@code historyCleanupBatchWindow*} properties. Removal is removal-time based: each
 * history row carries the time it may go, set when its instance ends. Who may change any of it at
 * run time: administrators only ({@code platform.RetentionGuard}).
 */
@Component
@EnableConfigurationProperties(HistoryRetention.Settings.class)
class HistoryRetention extends AbstractProcessEnginePlugin {

    static final String DEFAULT = "default";

    @ConfigurationProperties("promise-desk.audit")
    record Settings(Map<String, Integer> historyTimeToLive, @DefaultValue CleanupWindow cleanupWindow) {
        Settings {
            historyTimeToLive = historyTimeToLive == null ? Map.of() : Map.copyOf(historyTimeToLive);
        }

        /** The days of history kept for this process, or null to keep the model's. */
        Integer daysFor(String processId) {
            Integer days = historyTimeToLive.get(processId);
            return days != null ? days : historyTimeToLive.get(DEFAULT);
        }
    }

    /** Local server time, HH:mm. */
    record CleanupWindow(@DefaultValue("01:00") String start, @DefaultValue("05:00") String end) {
    }

    private final Settings settings;

    HistoryRetention(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryCleanupBatchWindowStartTime(settings.cleanupWindow().start());
        configuration.setHistoryCleanupBatchWindowEndTime(settings.cleanupWindow().end());
        configuration.setHistoryCleanupStrategy(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        if (configuration.getDmnEngineConfiguration() == null) {
            configuration.setDmnEngineConfiguration(
                    (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
        }
        configuration.getDmnEngineConfiguration().getTransformer().getTransformListeners().add(new DecisionRetention());
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                Integer days = settings.daysFor(processDefinition.getKey());
                if (days != null) {
                    processDefinition.setHistoryTimeToLive(days);
                }
            }
        });
    }

    /** The same for decisions: their history (each evaluation) is kept as long, whatever the DMN file says. */
    private final class DecisionRetention implements DmnTransformListener {
        @Override
        public void transformDecision(Decision decision, DmnDecision dmnDecision) {
            if (dmnDecision instanceof DecisionDefinitionEntity definition) {
                Integer days = settings.daysFor(definition.getKey());
                if (days != null) {
                    definition.setHistoryTimeToLive(days);
                }
            }
        }

        @Override
        public void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl dmnInput) {
        }

        @Override
        public void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl dmnOutput) {
        }

        @Override
        public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl dmnRule) {
        }

        @Override
        public void transformDecisionRequirementsGraph(Definitions definitions, DmnDecisionRequirementsGraph graph) {
        }
    }
}
