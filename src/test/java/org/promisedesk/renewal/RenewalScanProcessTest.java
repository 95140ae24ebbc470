package org.promisedesk.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.promisedesk.renewal.RenewalScanProcess.EVENT_EVERY_MORNING;
import static org.promisedesk.renewal.RenewalScanProcess.PROCESS_ID;
import static org.promisedesk.renewal.RenewalScanProcess.RENEWALS_FAILED;
import static org.promisedesk.renewal.RenewalScanProcess.SCAN_DATE;
import static org.promisedesk.renewal.RenewalScanProcess.TASK_START_DUE_RENEWALS;
import static org.promisedesk.renewal.RenewalTestData.at;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.customer.CustomerKind;
import org.promisedesk.customer.ServiceProfile;
import org.promisedesk.customer.ServiceState;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Find the services due for renewal" ({@code renewal-scan}): which services it picks, and that
 * running it twice, or twice at the same moment, starts each renewal once. The clock stands in
 * 2033, where no other test's services expire; assertions look at this test's services only.
 */
@EngineTest
class RenewalScanProcessTest {

    static final LocalDate TODAY = LocalDate.of(2033, 6, 1);

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired JdbcClient jdbc;
    @Autowired RenewalScan scan;
    @Autowired RenewalStarter starter;

    private RenewalTestData data;
    private RenewalTestData.TestCustomer customer;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        data = new RenewalTestData(jdbc, runtimeService);
        customer = data.customer(CustomerKind.INDIVIDUAL, ServiceProfile.SELF_RELIANT, "en", null);
        ClockUtil.setCurrentTime(at(TODAY, "06:00"));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        data.deleteAll();
    }

    @Test
    void shouldStartOneRenewalForEachActiveServiceExpiringWithin30DaysEveryMorning() {
        long today = data.service(customer, TODAY);
        long in30Days = data.service(customer, TODAY.plusDays(30));
        long lapsed3DaysAgo = data.service(customer, TODAY.minusDays(3));
        long in31Days = data.service(customer, TODAY.plusDays(31));
        long lapsed8DaysAgo = data.service(customer, TODAY.minusDays(8));
        long suspended = data.service(customer, TODAY.plusDays(5), ServiceState.SUSPENDED);
        long cancelled = data.service(customer, TODAY.plusDays(5), ServiceState.CANCELLED);

        HistoricProcessInstance run = runTheDailyScan();

        assertThat(run.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(variable(run, SCAN_DATE)).isEqualTo(TODAY.toString());
        assertThat(variable(run, RENEWALS_FAILED)).isEqualTo(0);
        for (long due : new long[] {today, in30Days, lapsed3DaysAgo}) {
            assertThat(data.renewalsOf(due)).as("service %d", due).singleElement().satisfies(row -> {
                assertThat(row.startedBy()).isEqualTo(Renewal.StartedBy.SCAN);
                assertThat(row.state()).isEqualTo(Renewal.State.REMINDING);
                assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(row.processInstanceId())
                        .singleResult().getBusinessKey()).isEqualTo(Renewal.businessKey(due, data.expiryOf(due)));
            });
        }
        for (long notDue : new long[] {in31Days, lapsed8DaysAgo, suspended, cancelled}) {
            assertThat(data.renewalsOf(notDue)).as("service %d", notDue).isEmpty();
        }
        ZonedDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault());
        ZonedDateTime sixToday = now.toLocalDate().atTime(6, 0).atZone(ZoneId.systemDefault());
        assertThat(nextMorning().toInstant()).as("the timer is set for the next 06:00, server time")
                .isEqualTo((sixToday.isAfter(now) ? sixToday : sixToday.plusDays(1)).toInstant());
    }

    @Test
    void shouldStartNothingTwiceWhenTheScanRunsAgain() {
        List<Long> due = dueServices(5);
        runTheDailyScan();

        HistoricProcessInstance again = runTheScanNow();

        assertThat(again.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertOneRenewalEach(due);
    }

    @Test
    void shouldStartEachRenewalOnceWhenTwoNodesScanAtTheSameMoment() throws Exception {
        List<Long> due = dueServices(40);
        CountDownLatch ready = new CountDownLatch(2);
        Callable<String> node = () -> {
            ClockUtil.setCurrentTime(at(TODAY, "06:00"));
            ready.countDown();
            ready.await(10, TimeUnit.SECONDS);
            return runtimeService.startProcessInstanceByKey(PROCESS_ID).getId();
        };
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = nodes.submit(node);
            Future<String> second = nodes.submit(node);
            List<String> scans = List.of(first.get(2, TimeUnit.MINUTES), second.get(2, TimeUnit.MINUTES));

            assertOneRenewalEach(due);
            int started = 0;
            int alreadyRunning = 0;
            for (String scanId : scans) {
                HistoricProcessInstance run = history(scanId);
                assertThat(variable(run, RENEWALS_FAILED)).isEqualTo(0);
                started += (Integer) variable(run, RenewalScanProcess.RENEWALS_STARTED);
                alreadyRunning += (Integer) variable(run, RenewalScanProcess.RENEWALS_ALREADY_RUNNING);
            }
            assertThat(started).as("renewals started by the two scans together").isEqualTo(due.size());
            assertThat(started + alreadyRunning).isGreaterThanOrEqualTo(due.size());
        } finally {
            nodes.shutdownNow();
            ClockUtil.reset();
        }
    }

    @Test
    void shouldPageThroughTheDueServicesInExpiryOrderSkippingThoseRenewedAlready() {
        List<Long> due = dueServices(11);
        RenewalStarter.Outcome ignored = starter.start(new Renewals.DueService(due.get(4), data.expiryOf(due.get(4))));

        RenewalScan.Result result = scan.run(TODAY, 3);

        assertThat(ignored).isEqualTo(RenewalStarter.Outcome.STARTED);
        assertThat(result.failed()).isZero();
        assertThat(result.started()).isGreaterThanOrEqualTo(10);
        assertOneRenewalEach(due);
    }

    // helpers

    /** Services expiring over the next days, all due. */
    private List<Long> dueServices(int count) {
        List<Long> services = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            services.add(data.service(customer, TODAY.plusDays(i % 30)));
        }
        return services;
    }

    private void assertOneRenewalEach(List<Long> services) {
        for (long service : services) {
            String key = Renewal.businessKey(service, data.expiryOf(service));
            assertThat(data.renewalsOf(service)).as("renewal rows of %s", key).hasSize(1);
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
                    .processDefinitionKey(ServiceRenewalProcess.PROCESS_ID).count()).as("instances of %s", key)
                    .isEqualTo(1);
        }
    }

    /** Executes the timer job of the timer start event, as the job executor does at 06:00. */
    private HistoricProcessInstance runTheDailyScan() {
        Job timer = morningTimer();
        assertThat(timer).isNotNull();
        List<String> before = scanIds();
        managementService.executeJob(timer.getId());
        List<String> after = new ArrayList<>(scanIds());
        after.removeAll(before);
        assertThat(after).hasSize(1);
        HistoricProcessInstance run = history(after.get(0));
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                .activityId(TASK_START_DUE_RENEWALS).count()).isEqualTo(1);
        return run;
    }

    private HistoricProcessInstance runTheScanNow() {
        return history(runtimeService.startProcessInstanceByKey(PROCESS_ID).getId());
    }

    private Job morningTimer() {
        return managementService.createJobQuery().processDefinitionKey(PROCESS_ID).timers()
                .activityId(EVENT_EVERY_MORNING).singleResult();
    }

    private java.util.Date nextMorning() {
        return morningTimer().getDuedate();
    }

    private List<String> scanIds() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_ID).list().stream()
                .map(HistoricProcessInstance::getId).toList();
    }

    private HistoricProcessInstance history(String id) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private Object variable(HistoricProcessInstance run, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(run.getId()).variableName(name)
                .singleResult().getValue();
    }
}
