package org.promisedesk.mail;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Request keys ({@code REQ-2026-000123}) as they appear in processes and in e-mail subjects. */
final class RequestKeys {

    static final String VARIABLE = "requestKey";
    static final Pattern KEY = Pattern.compile("REQ-\\d{4}-\\d{6}");
    private static final Pattern SUBJECT_TAG = Pattern.compile("\\[(REQ-\\d{4}-\\d{6})]");

    /** The variable {@code requestKey}, else the business key when it is one; null when neither. */
    static String of(DelegateExecution execution) {
        if (execution.getVariable(VARIABLE) instanceof String key && KEY.matcher(key).matches()) {
            return key;
        }
        String businessKey = execution.getProcessBusinessKey();
        return businessKey != null && KEY.matcher(businessKey).matches() ? businessKey : null;
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
