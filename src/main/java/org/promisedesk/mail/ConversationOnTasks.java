package org.promisedesk.mail;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.promisedesk.platform.EveryUserTask;
import org.springframework.stereotype.Component;

/**
 * Every user task of a request gets the conversation with the customer so far ({@link Conversation})
 * as its own variable {@value #VARIABLE} when it is created; the forms show it in a disabled field
 * (plain text, not submitted). A task-local copy, so it is gone with the task and never overwrites
 * anything of the process.
 */
@Component
class ConversationOnTasks extends AbstractProcessEnginePlugin {

    static final String VARIABLE = "conversation";
    private static final String REQUEST_KEY = "requestKey";

    private final Conversation conversation;

    ConversationOnTasks(Conversation conversation) {
        this.conversation = conversation;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.onCreate(configuration, definition -> this::attach);
    }

    private void attach(DelegateTask task) {
        Object requestKey = task.getVariable(REQUEST_KEY);
        if (requestKey == null) {
            return;
        }
        String text = conversation.of(requestKey.toString());
        if (text != null) {
            task.setVariableLocal(VARIABLE, text);
        }
    }
}
