package org.promisedesk.mail;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reading what arrived at GreenMail. */
public final class MailAssertions {

    /** The first part of this MIME type, decoded, or null. */
    public static String partOf(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = partOf(multipart.getBodyPart(i), mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text alternative, decoded, or null. */
    public static String plainText(Part part) {
        return partOf(part, "text/plain");
    }

    public static String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MailAssertions() {
    }
}
