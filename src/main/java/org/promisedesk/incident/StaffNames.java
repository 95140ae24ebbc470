package org.promisedesk.incident;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/** How a colleague is named in a report: "Wang Qiang", or the user id when the user has no name. */
@Component
class StaffNames {

    private final IdentityService identityService;

    StaffNames(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Inside a command (a delegate or listener), whoever runs it. Null when there is no such user. */
    String of(String userId) {
        User user = Context.getCommandContext().runWithoutAuthorization(
                () -> identityService.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return null;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }
}
