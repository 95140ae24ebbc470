package org.promisedesk.mail;

import org.promisedesk.platform.CalledByModels;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The bean {@code mailTestAttachments}: what the field {@code attachments} of the test process
 * {@link MailTestProcess#SEND_WITH_ATTACHMENTS} yields, per business key, as a test set it
 * (a MailAttachment, a list, anything else, or nothing), and how often it was asked.
 */
@Component
@Profile("test")
public class MailTestAttachments {

    private final Map<String, Object> files = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> evaluations = new ConcurrentHashMap<>();

    /** Called by the model's expression {@code ${mailTestAttachments.of(execution)}}. */
    @CalledByModels
    public Object of(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        evaluations.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        return files.get(key);
    }

    void set(String businessKey, Object value) {
        files.put(businessKey, value);
    }

    int evaluations(String businessKey) {
        AtomicInteger count = evaluations.get(businessKey);
        return count == null ? 0 : count.get();
    }

    void forget(String businessKey) {
        files.remove(businessKey);
        evaluations.remove(businessKey);
    }
}
