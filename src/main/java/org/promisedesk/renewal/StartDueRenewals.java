package org.promisedesk.renewal;

import static org.promisedesk.renewal.RenewalScanProcess.RENEWALS_ALREADY_RUNNING;
import static org.promisedesk.renewal.RenewalScanProcess.RENEWALS_FAILED;
import static org.promisedesk.renewal.RenewalScanProcess.RENEWALS_STARTED;
import static org.promisedesk.renewal.RenewalScanProcess.SCAN_DATE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_StartDueRenewals}: runs the scan and keeps its counts on the scan's instance. */
@Component
class StartDueRenewals implements JavaDelegate {

    private final RenewalScan scan;

    StartDueRenewals(RenewalScan scan) {
        this.scan = scan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RenewalScan.Result result = scan.run();
        execution.setVariable(SCAN_DATE, result.day().toString());
        execution.setVariable(RENEWALS_STARTED, result.started());
        execution.setVariable(RENEWALS_ALREADY_RUNNING, result.alreadyRunning());
        execution.setVariable(RENEWALS_FAILED, result.failed());
    }
}
