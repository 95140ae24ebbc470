package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.FIRST_RESPONSE_AT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of an agent's task: the first one is the request's first response (an agent picked
 * it up). {@code firstResponseAt} is set once; the first-response timer then finds it and flags
 * nothing.
 */
@Component
class RecordFirstResponse implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(RecordFirstResponse.class);

    @Override
    public void notify(DelegateTask task) {
        if (task.getExecution().getVariable(FIRST_RESPONSE_AT) == null) {
            task.getExecution().setVariable(FIRST_RESPONSE_AT, ClockUtil.getCurrentTime());
            log.info("Request {}: first response by {}", task.getExecution().getProcessBusinessKey(), Actors.of(task));
        }
    }
}
