package org.promisedesk.promise;

import static org.promisedesk.promise.PromiseProcess.OUTCOME;
import static org.promisedesk.promise.PromiseProcess.OWNER_OUTCOMES;
import static org.promisedesk.promise.PromiseProcess.PROMISE_OUTCOME;
import static org.promisedesk.promise.PromiseProcess.RESULT_TEXT;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_KeepPromise}: the owner must say whether the promise was kept and
 * what we tell the customer. Tasklist checks that in the browser only; this rejects any other
 * completion (REST, Java) without them, and the task stays open. The engine wraps an exception
 * from a task listener: {@code TaskService.complete} throws a {@code ProcessEngineException}
 * whose cause is the {@link BadUserRequestException} naming the fields.
 */
@Component
class CheckPromiseOutcome implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckPromiseOutcome.class);

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        Object outcome = task.getVariable(OUTCOME);
        if (!(outcome instanceof String value && OWNER_OUTCOMES.contains(value))) {
            problems.add(OUTCOME + " is required: one of " + String.join(", ", OWNER_OUTCOMES));
        }
        String resultText = Explanations.valid(task.getVariable(RESULT_TEXT));
        if (resultText == null) {
            problems.add(Explanations.rule(RESULT_TEXT) + " telling the customer the result");
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The promise cannot be closed: " + String.join("; ", problems));
        }
        if (!resultText.equals(task.getVariable(RESULT_TEXT))) {
            task.setVariable(RESULT_TEXT, resultText);
        }
        task.setVariable(PROMISE_OUTCOME, outcome);
        log.info("Request {}: promise {} closed by {} as {}", task.getExecution().getProcessBusinessKey(),
                task.getProcessInstanceId(), task.getAssignee(), outcome);
    }
}
