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
 * The text has no control characters but tab and line breaks (a NUL cannot be stored on
 * PostgreSQL), and parts nested deeper than {@value #MAX_DEPTH} levels are only named.
 */
record MailBody(String text, boolean fromHtml, List<String> attachments) {

    static final int MAX_DEPTH = 10;

    static MailBody of(Part message) throws MessagingException, IOException {
        Collector collector = new Collector();
        collector.walk(message, 0);
        if (collector.plain != null) {
            return new MailBody(InboundHeaders.clean(collector.plain), false, collector.attachments);
        }
        String text = collector.html == null ? "" : HtmlText.toText(collector.html);
        return new MailBody(InboundHeaders.clean(text), collector.html != null, collector.attachments);
    }

    /** Names and sizes, one a line, for the record and the agent; cut to the record's 4000 characters. */
    String attachmentList() {
        return attachments.isEmpty() ? null : InboundHeaders.shorten(String.join("\n", attachments), 4000);
    }

    private static final class Collector {
        String plain;
        String html;
        final List<String> attachments = new ArrayList<>();

        void walk(Part part, int depth) throws MessagingException, IOException {
            if (isAttachment(part) || depth > MAX_DEPTH) {
                String name = part.getFileName() == null ? "(unnamed " + part.getContentType().split(";")[0] + ")"
                        : MimeUtility.decodeText(part.getFileName());
                attachments.add(InboundHeaders.shorten(InboundHeaders.singleLine(name), 200) + " ("
                        + (part.getSize() < 0 ? "size unknown" : part.getSize() + " bytes") + ")");
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i), depth + 1);
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
