package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promisedesk.platform.HostileRequests.JSON;
import static org.promisedesk.platform.HostileRequests.of;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Retention holds (issue 21, item 4): the history cleanup job and history removal are for
 * administrators only, and auditors change nothing, their own account included. Each call as
 * auditor, agent, lead and process owner is refused and changes nothing; as administrator it works.
 */
@EngineTest
class RetentionSecurityTest {

    private static final String PROBE = "Process_RetentionProbe";
    private static final List<String> NOT_ADMINS = List.of("auditor", "agent", "lead", "owner");
    private static final String ADMIN = "demo";

    @LocalServerPort int port;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;

    /** A call on the cleanup job ({job}) and what an administrator gets. */
    record JobCall(String name, String method, String path, String body, int adminStatus) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<JobCall> JOB_CALLS = List.of(
            new JobCall("execute", "POST", "/engine-rest/job/{job}/execute", null, 204),
            new JobCall("retries to 0", "PUT", "/engine-rest/job/{job}/retries", "{\"retries\":0}", 204),
            new JobCall("re-date", "PUT", "/engine-rest/job/{job}/duedate",
                    "{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}", 204),
            new JobCall("suspend", "PUT", "/engine-rest/job/{job}/suspended", "{\"suspended\":true}", 204),
            new JobCall("re-prioritise", "PUT", "/engine-rest/job/{job}/priority", "{\"priority\":-100}", 204),
            new JobCall("delete", "DELETE", "/engine-rest/job/{job}", null, 204),
            new JobCall("execute, through the web apps' API", "POST",
                    "/camunda/api/engine/engine/default/job/{job}/execute", null, 204));

    static Stream<Arguments> cleanupJobCallsOfNonAdmins() {
        return NOT_ADMINS.stream().flatMap(user -> JOB_CALLS.stream().map(call -> Arguments.of(user, call)));
    }

    static Stream<JobCall> cleanupJobCalls() {
        return JOB_CALLS.stream();
    }

    /** History removal: {instance} is a finished instance of the probe, {definition} its definition. */
    static Stream<HostileRequests> historyRemoval() {
        return NOT_ADMINS.stream().flatMap(user -> Stream.of(
                of("run the cleanup now as " + user, "POST", "/engine-rest/history/cleanup?immediatelyDue=true", user,
                        JSON, "", 403, ""),
                of("delete an instance's history as " + user, "DELETE", "/engine-rest/history/process-instance/{instance}",
                        user, null, null, 403, ""),
                of("delete its variables' history as " + user, "DELETE",
                        "/engine-rest/history/process-instance/{instance}/variable-instances", user, null, null, 403, ""),
                of("batch-delete history as " + user, "POST", "/engine-rest/history/process-instance/delete", user,
                        JSON, "{\"historicProcessInstanceIds\":[\"{instance}\"],\"deleteReason\":\"gone\"}", 403, ""),
                of("batch-delete decisions as " + user, "POST", "/engine-rest/history/decision-instance/delete", user,
                        JSON, "{\"historicDecisionInstanceIds\":[\"{instance}\"],\"deleteReason\":\"gone\"}", 403, ""),
                of("move the removal time as " + user, "POST", "/engine-rest/history/process-instance/set-removal-time",
                        user, JSON, "{\"absoluteRemovalTime\":\"2000-01-01T00:00:00.000+0000\","
                                + "\"historicProcessInstanceIds\":[\"{instance}\"]}", 403, ""),
                of("set retries of jobs in bulk as " + user, "POST", "/engine-rest/job/retries", user, JSON,
                        "{\"jobIds\":[\"{job}\"],\"retries\":0}", 403, ""),
                of("shorten the time to live as " + user, "PUT",
                        "/engine-rest/process-definition/{definition}/history-time-to-live", user, JSON,
                        "{\"historyTimeToLive\":1}", 403, "")));
    }

    /** What an auditor may not do to their own account, on the engine REST API. */
    static Stream<HostileRequests> auditorsOwnAccount() {
        return Stream.of(
                of("own profile", "PUT", "/engine-rest/user/auditor/profile", "auditor", JSON,
                        "{\"id\":\"auditor\",\"firstName\":\"Mallory\",\"lastName\":\"Schmidt\","
                                + "\"email\":\"auditor@promisedesk.example\"}", 403, "Auditors change nothing"),
                of("own password", "PUT", "/engine-rest/user/auditor/credentials", "auditor", JSON,
                        "{\"password\":\"Anoth3r-Passw0rd!\",\"authenticatedUserPassword\":\"auditor\"}", 403,
                        "Auditors change nothing"),
                of("delete self", "DELETE", "/engine-rest/user/auditor", "auditor", null, null, 403,
                        "Auditors change nothing"),
                of("leave a group", "DELETE", "/engine-rest/group/auditors/members/auditor", "auditor", null, null,
                        403, "Auditors change nothing"));
    }

    private Job job;
    private HistoricProcessInstance finished;

    /** A fresh cleanup job (a row may have deleted or changed the last one) and a finished instance. */
    @BeforeEach
    void freshCleanupJobAndAFinishedInstance() {
        identityService.clearAuthentication();
        historyService.findHistoryCleanupJobs().forEach(old -> managementService.deleteJob(old.getId()));
        historyService.cleanUpHistoryAsync();
        job = historyService.findHistoryCleanupJob();
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROBE).count() == 0) {
            repositoryService.createDeployment().name("retention-probe").addModelInstance("retention-probe.bpmn",
                    Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(30).startEvent().endEvent().done())
                    .deploy();
        }
        String id = runtimeService.startProcessInstanceByKey(PROBE).getId();
        finished = historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    @ParameterizedTest(name = "{1} as {0}")
    @MethodSource("cleanupJobCallsOfNonAdmins")
    void shouldKeepTheCleanupJobFromEveryoneButAdministrators(String user, JobCall call) throws Exception {
        HttpResponse<String> response = send(user, call);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("Only administrators");
        Job after = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(after).as("the job is still there").isNotNull();
        assertThat(after.getRetries()).isEqualTo(job.getRetries());
        assertThat(after.getDuedate()).isEqualTo(job.getDuedate());
        assertThat(after.isSuspended()).isFalse();
        assertThat(after.getPriority()).isEqualTo(job.getPriority());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanupJobCalls")
    void shouldLetAnAdministratorTendTheCleanupJob(JobCall call) throws Exception {
        HttpResponse<String> response = send(ADMIN, call);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(call.adminStatus());
    }

    /** The admin app's profile page calls the web apps' copy of the engine API, with a session. */
    @Test
    void shouldKeepAnAuditorFromChangingTheirProfileInTheWebApps() throws Exception {
        SecurityTest.WebAppSession session = new SecurityTest.WebAppSession(port);
        assertThat(session.login("cockpit", "auditor")).isEqualTo(200);

        HttpResponse<String> profile = session.send("PUT", "/camunda/api/engine/engine/default/user/auditor/profile",
                "{\"id\":\"auditor\",\"firstName\":\"Mallory\",\"lastName\":\"Schmidt\","
                        + "\"email\":\"auditor@promisedesk.example\"}", true);
        HttpResponse<String> password = session.send("PUT",
                "/camunda/api/engine/engine/default/user/auditor/credentials",
                "{\"password\":\"Anoth3r-Passw0rd!\",\"authenticatedUserPassword\":\"auditor\"}", true);

        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(403);
        assertThat(password.statusCode()).as(password.body()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId("auditor").singleResult().getFirstName()).isEqualTo("Anna");
        assertThat(identityService.checkPassword("auditor", "auditor")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("auditorsOwnAccount")
    void shouldKeepAnAuditorFromChangingTheirOwnAccount(HostileRequests row) throws Exception {
        HttpResponse<String> response = row.send(port);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(row.status());
        assertThat(row.matches(response.body())).as(response.body()).isTrue();
        assertThat(identityService.createUserQuery().userId("auditor").singleResult().getFirstName()).isEqualTo("Anna");
        assertThat(identityService.checkPassword("auditor", "auditor")).isTrue();
        assertThat(identityService.createUserQuery().userId("auditor").memberOfGroup(Groups.AUDITORS).count())
                .isEqualTo(1);
    }

    /** The guard holds auditors only: an agent still keeps their own profile. */
    @Test
    void shouldStillLetAnAgentEditTheirOwnProfile() throws Exception {
        HttpResponse<String> response = of("", "PUT", "/engine-rest/user/agent/profile", "agent", JSON,
                "{\"id\":\"agent\",\"firstName\":\"Li\",\"lastName\":\"Na\",\"email\":\"agent@promisedesk.example\"}",
                204, "").send(port);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("historyRemoval")
    void shouldKeepHistoryRemovalFromEveryoneButAdministrators(HostileRequests row) throws Exception {
        Date removalTime = finished.getRemovalTime();
        HttpResponse<String> response = row.withPath(paths(row.path())).withBody(row.body() == null ? null
                : paths(row.body().toString())).send(port);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        HistoricProcessInstance after = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(finished.getId()).singleResult();
        assertThat(after).as("the history is still there").isNotNull();
        assertThat(after.getRemovalTime()).isEqualTo(removalTime);
        assertThat(repositoryService.getProcessDefinition(finished.getProcessDefinitionId()).getHistoryTimeToLive())
                .isEqualTo(1825);
        assertThat(batches()).isZero();
    }

    @Test
    void shouldLetAnAdministratorRemoveHistoryAndSetItsTimeToLive() throws Exception {
        assertThat(of("", "POST", "/engine-rest/history/cleanup", ADMIN, JSON, "", 200, "").send(port).statusCode())
                .isEqualTo(200);
        assertThat(of("", "PUT", "/engine-rest/process-definition/" + finished.getProcessDefinitionId()
                + "/history-time-to-live", ADMIN, JSON, "{\"historyTimeToLive\":1900}", 204, "").send(port)
                .statusCode()).isEqualTo(204);
        assertThat(of("", "DELETE", "/engine-rest/history/process-instance/" + finished.getId(), ADMIN, null, null,
                204, "").send(port).statusCode()).isEqualTo(204);

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(finished.getId()).count())
                .isZero();
        assertThat(repositoryService.getProcessDefinition(finished.getProcessDefinitionId()).getHistoryTimeToLive())
                .isEqualTo(1900);
        repositoryService.updateProcessDefinitionHistoryTimeToLive(finished.getProcessDefinitionId(), 1825);
    }

    /** application.yaml's default (five years) holds whatever the model says (30 days here). */
    @Test
    void shouldKeepTheConfiguredRetentionWhateverTheModelSays() {
        assertThat(repositoryService.getProcessDefinition(finished.getProcessDefinitionId()).getHistoryTimeToLive())
                .isEqualTo(1825);
        assertThat(finished.getRemovalTime())
                .isEqualTo(new Date(finished.getEndTime().getTime() + 1825L * 86_400_000L));
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(job).as("the nightly cleanup job").isNotNull();

        String decision = "Decision_RetentionProbe";
        if (repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decision).count() == 0) {
            repositoryService.createDeployment().name("retention-probe-decision").addString("retention-probe.dmn", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                        xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_RetentionProbe"
                        name="Retention probe" namespace="http://camunda.org/schema/1.0/dmn">
                      <decision id="%s" name="Retention probe" camunda:historyTimeToLive="30">
                        <decisionTable id="Table_RetentionProbe">
                          <input id="Input_1"><inputExpression id="Expression_1" typeRef="string"><text>x</text></inputExpression></input>
                          <output id="Output_1" name="y" typeRef="string"/>
                          <rule id="Rule_1"><inputEntry id="In_1"><text>-</text></inputEntry>
                            <outputEntry id="Out_1"><text>"z"</text></outputEntry></rule>
                        </decisionTable>
                      </decision>
                    </definitions>
                    """.formatted(decision)).deploy();
        }
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decision).latestVersion()
                .singleResult().getHistoryTimeToLive()).as("a decision's 30 days give way too").isEqualTo(1825);
    }

    private long batches() {
        return managementService.createBatchQuery().count();
    }

    private HttpResponse<String> send(String user, JobCall call) throws Exception {
        String path = call.path().replace("{job}", job.getId());
        if (path.startsWith("/camunda/")) {
            SecurityTest.WebAppSession session = new SecurityTest.WebAppSession(port);
            String app = user.equals("agent") || user.equals("owner") ? "tasklist" : "cockpit";
            assertThat(session.login(user.equals(ADMIN) ? "admin" : app, user)).isEqualTo(200);
            return session.send(call.method(), path, call.body() == null ? "" : call.body(), true);
        }
        return of(call.name(), call.method(), path, user, call.body() == null ? null : JSON, call.body(), 0, "")
                .send(port);
    }

    private String paths(String text) {
        return text.replace("{instance}", finished.getId()).replace("{definition}", finished.getProcessDefinitionId())
                .replace("{job}", job.getId());
    }
}
