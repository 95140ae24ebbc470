package org.promisedesk.renewal;

import static org.promisedesk.renewal.ServiceRenewalProcess.EXPIRY_ON;
import static org.promisedesk.renewal.ServiceRenewalProcess.PROCESS_ID;
import static org.promisedesk.renewal.ServiceRenewalProcess.SERVICE_ID;

import java.time.LocalDate;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the renewal of a service and expiry date: the {@code renewal} row first (its unique key
 * claims them), then the {@code service-renewal} instance, in one transaction. A second scan, a
 * scan on another node or a payment at the same moment fails on that row and starts nothing.
 */
@Component
class RenewalStarter {

    enum Outcome { STARTED, ALREADY_RUNNING }

    private static final Logger log = LoggerFactory.getLogger(RenewalStarter.class);
    private static final int CLAIM_ATTEMPTS = 5;

    private final Renewals renewals;
    private final RuntimeService runtimeService;
    private final EngineWork engine;
    private final TransactionTemplate ownTransaction;

    RenewalStarter(Renewals renewals, RuntimeService runtimeService, EngineWork engine,
            PlatformTransactionManager transactionManager) {
        this.renewals = renewals;
        this.runtimeService = runtimeService;
        this.engine = engine;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * For the scan: in a transaction of its own, so that one service's failure rolls back that
     * service alone. When another scan is claiming the same renewal at this moment, the claim
     * waits for it: the database answers "duplicate" once the other commits. A database that
     * gives up waiting (H2 after 2 s) is asked again a few times.
     */
    Outcome start(Renewals.DueService service) {
        String businessKey = Renewal.businessKey(service.id(), service.expiryDate());
        for (int attempt = 1; ; attempt++) {
            try {
                ownTransaction.executeWithoutResult(
                        status -> claimAndStart(service.id(), service.expiryDate(), Renewal.StartedBy.SCAN));
                log.info("Renewal {}: started", businessKey);
                return Outcome.STARTED;
            } catch (DuplicateKeyException alreadyClaimed) {
                log.info("Renewal {}: already started elsewhere, not starting it again", businessKey);
                return Outcome.ALREADY_RUNNING;
            } catch (PessimisticLockingFailureException busy) {
                if (attempt == CLAIM_ATTEMPTS) {
                    throw busy;
                }
                log.info("Renewal {}: being started elsewhere at this moment, waiting for the outcome", businessKey);
            }
        }
    }

    /**
     * In the caller's transaction: claims the row and starts the instance, flushed so that a
     * message can be correlated to it at once; returns its id.
     *
     * @throws DuplicateKeyException when the renewal was claimed already
     */
    String claimAndStart(long serviceId, LocalDate expiry, Renewal.StartedBy startedBy) {
        String businessKey = Renewal.businessKey(serviceId, expiry);
        renewals.insert(serviceId, expiry, startedBy);
        String instanceId = engine.inNewCommand(() -> runtimeService.createProcessInstanceByKey(PROCESS_ID)
                .businessKey(businessKey)
                .setVariable(SERVICE_ID, serviceId)
                .setVariable(EXPIRY_ON, expiry.toString())
                .execute()
                .getId());
        renewals.recordInstance(businessKey, instanceId);
        return instanceId;
    }
}
