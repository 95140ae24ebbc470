package org.promisedesk.requirement;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.promisedesk.platform.Forbidden;
import org.promisedesk.platform.Groups;
import org.promisedesk.platform.InvalidParameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/requirements?from=&to=}: how the architects decided requirements in a
 * period (days in {@code promise-desk.requirement.time-zone}, both included; default the last 30
 * days): counts and shares of each decision, overall, by architect and by customer, beside the
 * field rule of thumb of 7 refused with an alternative, 2 scheduled, 1 done now in 10. For
 * architects, leads, process owners and auditors.
 */
@RestController
@RequestMapping("/api/reports/requirements")
class RequirementReportController {

    private static final List<String> READERS = List.of(Groups.ARCHITECTS, Groups.LEADS, Groups.PROCESS_OWNERS,
            Groups.AUDITORS);
    private static final int MAX_DAYS = 366 * 5;

    private final RequirementDecisions decisions;
    private final RequirementSettings settings;
    private final IdentityService identityService;

    RequirementReportController(RequirementDecisions decisions, RequirementSettings settings,
            IdentityService identityService) {
        this.decisions = decisions;
        this.settings = settings;
        this.identityService = identityService;
    }

    @GetMapping
    RequirementReport report(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        requireReader();
        LocalDate last = to == null ? LocalDate.now(settings.timeZone()) : date("to", to);
        LocalDate first = from == null ? last.minusDays(29) : date("from", from);
        if (first.isAfter(last)) {
            throw new InvalidParameter("from", "must not be after 'to' (" + last + ")");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new InvalidParameter("from", "must be at most " + MAX_DAYS + " days before 'to'");
        }
        var start = first.atStartOfDay(settings.timeZone()).toInstant();
        var end = last.plusDays(1).atStartOfDay(settings.timeZone()).toInstant();
        List<RequirementDecisions.Count> byArchitect = decisions.byArchitect(start, end);
        Map<String, Long> totals = new LinkedHashMap<>();
        RequirementProcess.DECISIONS.forEach(decision -> totals.put(decision, 0L));
        byArchitect.forEach(count -> totals.merge(count.decision(), count.count(), Long::sum));
        return new RequirementReport(first, last, RequirementReport.Breakdown.of(null, totals),
                RequirementReport.REFERENCE, decisions.overridden(start, end),
                groups(byArchitect), groups(decisions.byCustomer(start, end)));
    }

    private static List<RequirementReport.Breakdown> groups(List<RequirementDecisions.Count> counts) {
        Map<String, Map<String, Long>> byGroup = new LinkedHashMap<>();
        for (RequirementDecisions.Count count : counts) {
            byGroup.computeIfAbsent(count.group(), group -> {
                Map<String, Long> zero = new LinkedHashMap<>();
                RequirementProcess.DECISIONS.forEach(decision -> zero.put(decision, 0L));
                return zero;
            }).put(count.decision(), count.count());
        }
        List<RequirementReport.Breakdown> result = new ArrayList<>();
        byGroup.forEach((group, totals) -> result.add(RequirementReport.Breakdown.of(group, totals)));
        return result;
    }

    private static LocalDate date(String parameter, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(parameter, "'" + value + "' is not a date like 2026-11-20");
        }
    }

    private void requireReader() {
        Authentication current = identityService.getCurrentAuthentication();
        boolean reader = current != null && current.getGroupIds() != null
                && current.getGroupIds().stream().anyMatch(READERS::contains);
        if (!reader) {
            throw new Forbidden("Only architects, team leads, process owners and auditors may read the requirement report.");
        }
    }
}
