package org.promisedesk.mail;

import java.util.Objects;

/**
 * A file sent with a customer e-mail (a decision letter, a post-incident report as PDF). A model
 * asks for it with the optional field {@code attachments} of {@code sendCustomerMessage}: an
 * expression that yields one {@code MailAttachment} or a list of them, e.g.
 * {@code <camunda:field name="attachments" expression="${incidentReportPdf.of(execution)}"/>}.
 * The field is evaluated once, when the message is composed; the attachment is stored with the
 * message, so a retry resends exactly the same bytes.
 *
 * <p>The file name is what the customer sees (any language; no path: no {@code /} or {@code \}),
 * the content type a MIME type such as {@code application/pdf}. Each attachment may be at most
 * {@code promise-desk.mail.max-attachment-size} (default 10 MB); a bad one fails the job and
 * nothing is sent (see {@link MailAttachments}).
 */
public record MailAttachment(String fileName, String contentType, byte[] content) {

    public MailAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }

    public static MailAttachment pdf(String fileName, byte[] content) {
        return new MailAttachment(fileName, "application/pdf", content);
    }

    /** The size of the content in bytes. */
    public int size() {
        return content.length;
    }

    @Override
    public String toString() {
        return fileName + " (" + contentType + ", " + content.length + " bytes)";
    }
}
