package org.promisedesk.platform;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Camunda checks no permission when a comment is written: anyone who can read a task (auditors
 * read every task) could add one, through the engine REST API or Cockpit's. Here writing,
 * changing or deleting a comment needs the right to work on that task (TASK_WORK, UPDATE or
 * TASK_ASSIGN) or to update that process instance. Comments our delegates write inside a
 * command the user was allowed to run, and those of the job executor, are not checked again.
 */
@Component
class CommentPermissions extends AbstractProcessEnginePlugin {

    private static final Set<Class<?>> COMMENT_WRITES = Set.of(AddCommentCmd.class, UpdateCommentCmd.class,
            DeleteTaskCommentCmd.class, DeleteProcessInstanceCommentCmd.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new Guard(configuration));
    }

    private static final class Guard extends CommandInterceptor {
        private final ProcessEngineConfigurationImpl configuration;

        Guard(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (COMMENT_WRITES.contains(command.getClass()) && Context.getCommandContext() == null) {
                check(command);
            }
            return next.execute(command);
        }

        private void check(Command<?> command) {
            Authentication user = configuration.getIdentityService().getCurrentAuthentication();
            if (user == null || !configuration.isAuthorizationEnabled() || isAdmin(user)) {
                return;
            }
            String taskId = field(command, "taskId");
            String instanceId = field(command, "processInstanceId");
            boolean allowed = taskId != null
                    ? any(user, Resources.TASK, taskId, TaskPermissions.TASK_WORK, Permissions.UPDATE,
                            TaskPermissions.TASK_ASSIGN)
                    : instanceId == null || any(user, Resources.PROCESS_INSTANCE, instanceId, Permissions.UPDATE);
            if (!allowed) {
                throw new AuthorizationException(user.getUserId(), taskId != null ? "TASK_WORK" : "UPDATE",
                        taskId != null ? Resources.TASK.resourceName() : Resources.PROCESS_INSTANCE.resourceName(),
                        taskId != null ? taskId : instanceId);
            }
        }

        private boolean isAdmin(Authentication user) {
            List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
            return configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(user.getUserId())
                    || configuration.getAdminGroups() != null
                            && groups.stream().anyMatch(configuration.getAdminGroups()::contains);
        }

        private boolean any(Authentication user, Resource resource, String id, Permission... permissions) {
            AuthorizationService authorizations = configuration.getAuthorizationService();
            for (Permission permission : permissions) {
                if (authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(), permission, resource, id)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String field(Object command, String name) {
        for (Class<?> type = command.getClass(); type != Object.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (String) field.get(command);
            } catch (NoSuchFieldException e) {
                // not in this class
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }
}
