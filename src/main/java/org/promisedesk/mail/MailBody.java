package org.promisedesk.mail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;

/**
 * The text of an inbound e-mail and a list of its attachments. The plain-text part wins; an
 * HTML-only message is converted to text. Attachments are only named and measured, never read.
 */
record MailBody(String text, boolean fromHtml, List<String> attachments) {

    static MailBody of(Part message) throws MessagingException, IOException {
        Collector collector = new Collector();
        collector.walk(message);
        if (collector.plain != null) {
            return new MailBody(collector.plain, false, collector.attachments);
        }
        String text = collector.html == null ? "" : HtmlText.toText(collector.html);
        return new MailBody(text, collector.html != null, collector.attachments);
    }

    /** Names and sizes, one a line, for the record and the agent. */
    String attachmentList() {
        return attachments.isEmpty() ? null : String.join("\n", attachments);
    }

    private static final class Collector {
        String plain;
        String html;
        final List<String> attachments = new ArrayList<>();

        void walk(Part part) throws MessagingException, IOException {
            if (isAttachment(part)) {
                String name = part.getFileName() == null ? "(unnamed " + part.getContentType().split(";")[0] + ")"
                        : MimeUtility.decodeText(part.getFileName());
                attachments.add(name + " (" + (part.getSize() < 0 ? "size unknown" : part.getSize() + " bytes") + ")");
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i));
                }
            } else if (part.isMimeType("text/plain") && plain == null) {
                plain = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            }
        }

        private static boolean isAttachment(Part part) throws MessagingException {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null
                    || part.isMimeType("message/rfc822")
                    || !(part.isMimeType("text/*") || part.isMimeType("multipart/*"));
        }
    }
}
