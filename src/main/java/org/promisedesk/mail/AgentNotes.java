package org.promisedesk.mail;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.promisedesk.platform.Groups;
import org.springframework.stereotype.Component;

/**
 * An e-mail nobody waits for becomes a task of its own in the {@code agents} inbox — not a
 * comment on some task, because the request may have no open task to comment on. The agent reads
 * it in Tasklist and completes it when dealt with.
 */
@Component
class AgentNotes {

    /** Camunda's limits for a task's name and description. */
    private static final int MAX_NAME = 255;
    private static final int MAX_DESCRIPTION = 4000;

    private final TaskService taskService;

    AgentNotes(TaskService taskService) {
        this.taskService = taskService;
    }

    String create(String name, String description, String requestKey, Map<String, Object> variables) {
        Task task = taskService.newTask();
        // Both may quote what a sender wrote: no control characters, cut to fit, or the task cannot be saved.
        task.setName(InboundHeaders.shorten(InboundHeaders.singleLine(name), MAX_NAME));
        task.setDescription(InboundHeaders.shorten(InboundHeaders.clean(description), MAX_DESCRIPTION));
        task.setPriority(60);
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), Groups.AGENTS);
        if (requestKey != null) {
            taskService.setVariableLocal(task.getId(), RequestKeys.VARIABLE, requestKey);
        }
        taskService.setVariablesLocal(task.getId(), variables);
        return task.getId();
    }
}
