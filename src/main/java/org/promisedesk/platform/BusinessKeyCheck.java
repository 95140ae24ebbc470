package org.promisedesk.platform;

import java.util.ArrayList;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A business key is the request key (REQ-2026-000123) or another plain identifier (SVC-12-2026-12-01):
 * it names audit URLs, mail subjects and log lines. A process started with anything else ("../",
 * quotes, markup, spaces) is refused with a 400 naming the key, and nothing is started.
 */
@Component
class BusinessKeyCheck extends AbstractProcessEnginePlugin {

    static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,254}");

    private static final ExecutionListener CHECK = BusinessKeyCheck::check;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
                process.addListener(ExecutionListener.EVENTNAME_START, CHECK);
            }
        });
    }

    static void check(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        if (key != null && !isSafe(key)) {
            throw new BadUserRequestException("Business key '" + shortened(key) + "' is not allowed: use letters, "
                    + "digits and . _ : - only, like the request key REQ-2026-000123");
        }
    }

    static boolean isSafe(String key) {
        return SAFE.matcher(key).matches() && !key.contains("..");
    }

    private static String shortened(String key) {
        return key.length() <= 40 ? key : key.substring(0, 40) + "…";
    }
}
