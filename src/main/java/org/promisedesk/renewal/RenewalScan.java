package org.promisedesk.renewal;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pages through the services due on a day — active, expiring within the look-ahead (or lapsed
 * within the grace period) and without a renewal for that expiry date — and starts a renewal for
 * each. Memory is one page; a failing service is logged and skipped, the next scan tries again.
 */
@Component
class RenewalScan {

    record Result(LocalDate day, int started, int alreadyRunning, int failed) {
    }

    private static final Logger log = LoggerFactory.getLogger(RenewalScan.class);

    private final Renewals renewals;
    private final RenewalStarter starter;
    private final RenewalPlan plan;
    private final int pageSize;

    RenewalScan(Renewals renewals, RenewalStarter starter, RenewalPlan plan, RenewalSettings settings) {
        this.renewals = renewals;
        this.starter = starter;
        this.plan = plan;
        this.pageSize = settings.scanPageSize();
    }

    Result run() {
        return run(plan.today(), pageSize);
    }

    Result run(LocalDate today, int pageSize) {
        LocalDate from = plan.scanFrom(today);
        LocalDate until = plan.scanUntil(today);
        int started = 0;
        int alreadyRunning = 0;
        int failed = 0;
        Renewals.DueService last = null;
        List<Renewals.DueService> page;
        do {
            page = renewals.duePage(from, until, last, pageSize);
            for (Renewals.DueService service : page) {
                try {
                    switch (starter.start(service)) {
                        case STARTED -> started++;
                        case ALREADY_RUNNING -> alreadyRunning++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    log.error("Renewal {}: could not be started, the next scan tries again",
                            Renewal.businessKey(service.id(), service.expiryDate()), e);
                }
            }
            if (!page.isEmpty()) {
                last = page.get(page.size() - 1);
            }
        } while (page.size() == pageSize);
        log.info("Renewal scan of {} (expiring {} to {}): {} started, {} already running, {} failed",
                today, from, until, started, alreadyRunning, failed);
        return new Result(today, started, alreadyRunning, failed);
    }
}
