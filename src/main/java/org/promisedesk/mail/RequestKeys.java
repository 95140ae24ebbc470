package org.promisedesk.mail;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Request keys ({@code REQ-2026-000123}) as they appear in processes and in e-mail subjects, and as the start
 * checks of the processes take them ({@link #given}, {@link #required}, {@link #optional}).
 */
public final class RequestKeys {

    static final String VARIABLE = "requestKey";
    static final Pattern KEY = Pattern.compile("REQ-\\d{4}-\\d{6}");
    private static final Pattern SUBJECT_TAG = Pattern.compile("\\[(REQ-\\d{4}-\\d{6})]");

    /** The variable {@code requestKey}, else the business key when it is one; null when neither. */
    static String of(DelegateExecution execution) {
        if (execution.getVariable(VARIABLE) instanceof String key && KEY.matcher(key).matches()) {
            return key;
        }
        return businessKeyOf(execution);
    }

    /** The business key of the instance when it is a request key, else null. */
    public static String businessKeyOf(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        return businessKey != null && KEY.matcher(businessKey).matches() ? businessKey : null;
    }

    /**
     * The key a process was given in {@code requestKey}, stripped; null when none was given (null or blank).
     * A key that is no request key, or that differs from the instance's business key, adds a problem naming
     * the field, for the start check to reject.
     */
    public static String given(DelegateExecution execution, List<String> problems) {
        Object value = execution.getVariable(VARIABLE);
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        String key = value.toString().strip();
        String businessKey = execution.getProcessBusinessKey();
        if (!KEY.matcher(key).matches()) {
            problems.add(VARIABLE + " '" + value + "' is not a request key like REQ-2026-000123");
        } else if (businessKey != null && !businessKey.equals(key)) {
            problems.add(VARIABLE + " " + key + " differs from the business key " + businessKey);
        }
        return key;
    }

    /** The key given, else the business key when that is one, else null (the caller takes a new key or none). */
    public static String optional(DelegateExecution execution, List<String> problems) {
        String key = given(execution, problems);
        return key != null ? key : businessKeyOf(execution);
    }

    /**
     * The key given, else the business key when that is one; without either a problem {@code requestKey is
     * required: <what it is>, like REQ-2026-000123} and null.
     */
    public static String required(DelegateExecution execution, String whatItIs, List<String> problems) {
        String key = optional(execution, problems);
        if (key == null) {
            problems.add(VARIABLE + " is required: " + whatItIs + ", like REQ-2026-000123");
        }
        return key;
    }

    /** Records the key in {@code requestKey} and, while the instance has none, as its business key. */
    public static void record(DelegateExecution execution, String requestKey) {
        execution.setVariable(VARIABLE, requestKey);
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(requestKey);
        }
    }

    /** {@code [REQ-2026-000123] } before the subject when there is a key. */
    static String tag(String requestKey, String subject) {
        return requestKey == null ? subject : "[" + requestKey + "] " + subject;
    }

    /** The first {@code [REQ-…]} tag in a subject, wherever "Re:" or "回复:" put it. */
    static Optional<String> inSubject(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher matcher = SUBJECT_TAG.matcher(subject);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private RequestKeys() {
    }
}
