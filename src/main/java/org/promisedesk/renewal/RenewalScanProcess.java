package org.promisedesk.renewal;

/**
 * The names {@code processes/renewal-scan.bpmn} ("Find the services due for renewal") shares
 * with code. It runs every day (a cron timer start event, set in the model); starting it by key
 * (REST, Java) runs the same scan at once. Camunda allows no none start event beside a timer one.
 */
public final class RenewalScanProcess {

    public static final String PROCESS_ID = "renewal-scan";

    public static final String EVENT_EVERY_MORNING = "Event_EveryMorning";
    public static final String TASK_START_DUE_RENEWALS = "Task_StartDueRenewals";
    public static final String EVENT_RENEWALS_STARTED = "Event_RenewalsStarted";

    // Output, for Cockpit and the history
    /** The day the scan looked from, {@code yyyy-MM-dd}. */
    public static final String SCAN_DATE = "scanDate";
    public static final String RENEWALS_STARTED = "renewalsStarted";
    /** Due services another scan (or a payment) had already started a renewal for meanwhile. */
    public static final String RENEWALS_ALREADY_RUNNING = "renewalsAlreadyRunning";
    public static final String RENEWALS_FAILED = "renewalsFailed";

    private RenewalScanProcess() {
    }
}
