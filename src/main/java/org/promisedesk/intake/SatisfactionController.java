package org.promisedesk.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.intake.SurveyAnswers.SurveyAnswer;
import org.promisedesk.platform.BusinessCalendar;
import org.promisedesk.platform.Forbidden;
import org.promisedesk.platform.Groups;
import org.promisedesk.platform.InvalidParameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/satisfaction?from=2026-11-01&to=2026-11-30}: the survey answers given
 * on those days (both included, in the business calendar's zone; default: the last 30 days up to
 * today) — how many, the average, how many of each score, per request class, and each answer with
 * its comment. For team leads, process owners and auditors.
 */
@RestController
class SatisfactionController {

    private static final List<String> READERS = List.of(Groups.LEADS, Groups.AUDITORS, Groups.PROCESS_OWNERS);
    private static final int MAX_DAYS = 366;

    private final SurveyAnswers answers;
    private final BusinessCalendar calendar;
    private final IdentityService identityService;

    SatisfactionController(SurveyAnswers answers, BusinessCalendar calendar, IdentityService identityService) {
        this.answers = answers;
        this.calendar = calendar;
        this.identityService = identityService;
    }

    record Summary(long answers, Double averageScore) {
    }

    record Report(LocalDate from, LocalDate to, long answers, Double averageScore, Map<Integer, Long> scores,
            Map<String, Summary> byClass, List<SurveyAnswer> items) {
    }

    @GetMapping("/api/reports/satisfaction")
    Report report(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        requireReader();
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(calendar.zone()).toLocalDate();
        LocalDate last = date("to", to, today);
        LocalDate first = date("from", from, last.minusDays(29));
        if (first.isAfter(last)) {
            throw new InvalidParameter("from", "must not be after 'to' (" + last + ")");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new InvalidParameter("from", "must be at most " + MAX_DAYS + " days before 'to'");
        }
        Instant start = first.atStartOfDay(calendar.zone()).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        List<SurveyAnswer> items = answers.between(start, end);
        Map<Integer, Long> scores = new TreeMap<>();
        for (int score = 1; score <= 5; score++) {
            int s = score;
            scores.put(score, items.stream().filter(a -> a.score() == s).count());
        }
        Map<String, Summary> byClass = new LinkedHashMap<>();
        items.stream().collect(Collectors.groupingBy(a -> a.requestClass() == null ? "unclassified" : a.requestClass(),
                TreeMap::new, Collectors.toList())).forEach((cls, list) -> byClass.put(cls, summary(list)));
        Summary all = summary(items);
        return new Report(first, last, all.answers(), all.averageScore(), scores, byClass, items);
    }

    private static Summary summary(List<SurveyAnswer> items) {
        if (items.isEmpty()) {
            return new Summary(0, null);
        }
        double average = items.stream().mapToInt(SurveyAnswer::score).average().orElse(0);
        return new Summary(items.size(), Math.round(average * 100) / 100.0);
    }

    private static LocalDate date(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, "'" + value + "' is not a date like 2026-11-30");
        }
    }

    private void requireReader() {
        Authentication current = identityService.getCurrentAuthentication();
        boolean reader = current != null && current.getGroupIds() != null
                && current.getGroupIds().stream().anyMatch(READERS::contains);
        if (!reader) {
            throw new Forbidden("Only team leads, process owners and auditors may read the satisfaction report.");
        }
    }
}
