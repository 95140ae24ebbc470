package org.promisedesk.platform;

import java.util.ArrayList;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A listener on the creation of every user task of every model the engine parses, ours and a
 * process owner's alike, for a plugin's {@code preInit}. It runs before the model's own listeners.
 */
public final class EveryUserTask {

    private EveryUserTask() {
    }

    /** {@code listenerFor} gets each task's definition (what its model says) and gives the listener. */
    public static void onCreate(ProcessEngineConfigurationImpl configuration,
            Function<TaskDefinition, TaskListener> listenerFor) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior())
                        .getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listenerFor.apply(definition));
            }
        });
    }
}
