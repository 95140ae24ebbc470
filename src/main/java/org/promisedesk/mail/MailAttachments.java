package org.promisedesk.mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.util.unit.DataSize;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;

/**
 * What the field {@code attachments} of {@code sendCustomerMessage} yielded, checked: one
 * {@link MailAttachment}, a collection of them, or null (none). A file name with a path, a content
 * type that is no MIME type or a file larger than {@code promise-desk.mail.max-attachment-size}
 * is a mistake in the process: a {@link ProcessEngineException} naming the step, and nothing is sent.
 */
final class MailAttachments {

    static final int MAX_FILE_NAME_LENGTH = 255;

    static List<MailAttachment> check(Object value, String activity, DataSize maxSize) {
        List<MailAttachment> attachments = new ArrayList<>();
        if (value instanceof MailAttachment attachment) {
            attachments.add(attachment);
        } else if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                if (!(element instanceof MailAttachment attachment)) {
                    throw new ProcessEngineException(activity + ": the field 'attachments' yielded a list with "
                            + describe(element) + "; it must hold only MailAttachments");
                }
                attachments.add(attachment);
            }
        } else if (value != null) {
            throw new ProcessEngineException(activity + ": the field 'attachments' must yield a MailAttachment, a"
                    + " list of them or null, not " + describe(value));
        }
        attachments.forEach(attachment -> checkOne(attachment, activity, maxSize));
        return List.copyOf(attachments);
    }

    private static void checkOne(MailAttachment attachment, String activity, DataSize maxSize) {
        String name = attachment.fileName();
        if (name.isBlank() || name.length() > MAX_FILE_NAME_LENGTH || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))) {
            throw new ProcessEngineException(activity + ": attachment file name '" + printable(name)
                    + "' must be a plain file name (1 to " + MAX_FILE_NAME_LENGTH
                    + " characters, no path, no control characters)");
        }
        if (!validContentType(attachment.contentType())) {
            throw new ProcessEngineException(activity + ": attachment " + name + " has the content type '"
                    + printable(attachment.contentType()) + "', not a MIME type such as application/pdf");
        }
        if (attachment.size() > maxSize.toBytes()) {
            throw new ProcessEngineException(activity + ": attachment " + name + " has " + attachment.size()
                    + " bytes, more than promise-desk.mail.max-attachment-size (" + maxSize.toBytes() + " bytes)");
        }
    }

    private static boolean validContentType(String contentType) {
        if (contentType.chars().anyMatch(Character::isISOControl)) {
            return false;
        }
        try {
            ContentType parsed = new ContentType(contentType);
            return !parsed.getPrimaryType().isBlank() && !parsed.getSubType().isBlank();
        } catch (ParseException e) {
            return false;
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getSimpleName();
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    private MailAttachments() {
    }
}
