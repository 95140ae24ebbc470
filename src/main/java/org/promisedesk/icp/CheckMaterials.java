package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.CERTIFICATE_NUMBER;
import static org.promisedesk.icp.IcpFilingProcess.CORRECTION_ITEMS;
import static org.promisedesk.icp.IcpFilingProcess.CORRECTION_REASON;
import static org.promisedesk.icp.IcpFilingProcess.CUSTOMER_ID;
import static org.promisedesk.icp.IcpFilingProcess.FILING_ID;
import static org.promisedesk.icp.IcpFilingProcess.FILING_STATUS;
import static org.promisedesk.icp.IcpFilingProcess.HOSTING_IP;
import static org.promisedesk.icp.IcpFilingProcess.MATERIALS_VALID;
import static org.promisedesk.icp.IcpFilingProcess.MATERIAL_PROBLEMS;
import static org.promisedesk.icp.IcpFilingProcess.REASON_INVALID;
import static org.promisedesk.icp.IcpFilingProcess.REJECTION_REASONS;
import static org.promisedesk.icp.IcpFilingProcess.REPLY_FROM;
import static org.promisedesk.icp.IcpFilingProcess.REPLY_MESSAGE_ID;
import static org.promisedesk.icp.IcpFilingProcess.REPLY_TEXT;
import static org.promisedesk.icp.IcpFilingProcess.REVIEW_COMMENTS;
import static org.promisedesk.icp.IcpFilingProcess.REVIEW_DECISION;
import static org.promisedesk.icp.IcpFilingProcess.SUBJECT_TYPE;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckMaterials}: the automatic check ({@link MaterialsCheck}) of the materials as
 * they are now. Stores the normalised values back, lets the filing hold its valid domains (so no
 * other filing takes them meanwhile), and tells what to fix: {@code materialProblems} for agents,
 * {@code correctionItems} for the customer's e-mail. The previous round's review, status and
 * reply are removed, so that forms start empty.
 */
@Component
class CheckMaterials implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CheckMaterials.class);

    private final HostedServices services;
    private final Filings filings;
    private final IcpSettings settings;

    CheckMaterials(HostedServices services, Filings filings, IcpSettings settings) {
        this.services = services;
        this.filings = filings;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long customerId = ((Number) execution.getVariable(CUSTOMER_ID)).longValue();
        long filingId = ((Number) execution.getVariable(FILING_ID)).longValue();
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), settings.timeZone());
        MaterialsCheck.Result result = new MaterialsCheck(registry(), today)
                .check(Materials.from(execution::getVariable), customerId, filingId);

        result.values().forEach(execution::setVariable);
        filings.hold(filingId, result.reserved());
        Materials m = Materials.from(execution::getVariable);
        filings.describe(filingId, (String) result.values().get(SUBJECT_TYPE), m.subjectName(),
                (String) result.values().get(CERTIFICATE_NUMBER), m.websiteName(), m.domains(),
                result.hosting() == null ? null : result.hosting().id());
        if (result.hosting() != null) {
            execution.setVariable(HOSTING_IP, result.hosting().ipAddress());
        } else {
            execution.removeVariable(HOSTING_IP);
        }
        List<Problem> problems = result.problems();
        execution.setVariable(MATERIALS_VALID, result.valid());
        execution.setVariable(MATERIAL_PROBLEMS, problems.stream().map(problem -> "- " + problem.describe())
                .collect(Collectors.joining("\n")));
        execution.setVariable(CORRECTION_ITEMS, problems.stream().map(Problem::line).collect(Collectors.joining("\n")));
        if (!result.valid()) {
            execution.setVariable(CORRECTION_REASON, REASON_INVALID);
        }
        execution.removeVariables(List.of(REVIEW_DECISION, REVIEW_COMMENTS, FILING_STATUS, REJECTION_REASONS,
                REPLY_TEXT, REPLY_FROM, REPLY_MESSAGE_ID));
        log.info("Request {}: ICP filing {} materials {}", execution.getProcessBusinessKey(), filingId,
                result.valid() ? "complete and valid, domains " + result.reserved()
                        : "need corrections: " + problems.stream().map(Problem::describe).toList());
    }

    private MaterialsCheck.Registry registry() {
        return new MaterialsCheck.Registry() {
            @Override
            public List<HostedService> servicesOf(long customerId) {
                return services.servicesOf(customerId);
            }

            @Override
            public boolean filed(String domain) {
                return services.filed(domain);
            }

            @Override
            public Optional<String> openFilingOf(String domain, long exceptFilingId) {
                return filings.holding(domain, exceptFilingId)
                        .map(filing -> "filing " + filing.id() + " of request " + filing.requestKey());
            }
        };
    }
}
