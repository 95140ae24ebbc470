package org.promisedesk.deployment;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.promisedesk.platform.Forbidden;
import org.promisedesk.platform.Groups;
import org.promisedesk.platform.Page;
import org.promisedesk.platform.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The deployment record, newest first, for process owners and auditors (and administrators). Read only. */
@RestController
@RequestMapping("/api/deployments")
class DeploymentsController {

    static final List<String> READERS = List.of(Groups.PROCESS_OWNERS, Groups.AUDITORS, "camunda-admin");

    private final DeploymentRecords records;
    private final IdentityService identityService;

    DeploymentsController(DeploymentRecords records, IdentityService identityService) {
        this.records = records;
        this.identityService = identityService;
    }

    @GetMapping
    Page<DeploymentRecords.Entry> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Authentication user = identityService.getCurrentAuthentication();
        if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(READERS::contains)) {
            throw new Forbidden("Only process owners and auditors may read the deployment record.");
        }
        return records.list(new Paging(page, size));
    }
}
