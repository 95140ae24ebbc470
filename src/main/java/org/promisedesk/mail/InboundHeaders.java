package org.promisedesk.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The headers of an inbound e-mail as they may be stored and passed on: reading one never throws
 * for what the sender wrote, and what comes out has no control characters (a NUL is refused by
 * PostgreSQL and must not reach a Subject we send) and fits its column in {@code inbound_message}.
 * A poison message is recorded from these values; nothing it says may fail that record.
 */
final class InboundHeaders {

    /** {@code inbound_message.message_id} is VARCHAR(998), RFC 5322's line limit. */
    static final int MESSAGE_ID_MAX = 998;
    /** RFC 5321: a path holds at most 254 characters of address. */
    static final int ADDRESS_MAX = 254;
    /** {@code inbound_message.from_address}, for the record of an unusable From. */
    static final int FROM_COLUMN = 320;
    static final int SUBJECT_MAX = 1000;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\t\n\r]]|[\\p{Cs}]");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\t\n\r]+");
    private static final Pattern PLAIN_ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    /**
     * The sender: {@code address} when it is usable (lower-case, plain, at most 254 characters),
     * else null with {@code problem} saying why; {@code stored} is what the record keeps either way.
     */
    record Sender(String address, String stored, String problem) {

        /** For a task's name: the address, or what there is of the header. */
        String display() {
            return address != null ? address : stored == null ? "(no sender)" : shorten(stored, 80);
        }
    }

    /** The Message-ID, or a digest of its headers for a message without one, or of the value when it cannot be stored. */
    static String messageId(MimeMessage message) throws MessagingException {
        // Throws when the server cannot give the headers now: the message stays unread for the next poll.
        String id = message.getHeader("Message-ID", null);
        if (id == null || id.isBlank()) {
            return "<" + digest(String.join("", Collections.list(message.getAllHeaderLines()))) + "@no-message-id>";
        }
        id = id.strip();
        if (id.length() > MESSAGE_ID_MAX || !singleLine(id).equals(id)) {
            // A long or binary Message-ID is still one message's: the same value gives the same digest.
            return "<" + digest(id) + "@unusable-message-id>";
        }
        return id;
    }

    static Sender sender(MimeMessage message) {
        String raw = header(message, "From");
        if (raw == null || raw.isBlank()) {
            return new Sender(null, null, "no From address");
        }
        String stored = shorten(singleLine(raw), FROM_COLUMN);
        try {
            Address[] from = message.getFrom();
            if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress internet)
                    || internet.getAddress() == null) {
                return new Sender(null, stored, "From names no address");
            }
            String address = internet.getAddress().strip().toLowerCase(Locale.ROOT);
            if (address.length() > ADDRESS_MAX) {
                return new Sender(null, stored, "From address of " + address.length()
                        + " characters, over the limit of " + ADDRESS_MAX);
            }
            if (!PLAIN_ADDRESS.matcher(address).matches() || !clean(address).equals(address)) {
                return new Sender(null, stored, "From is not an e-mail address");
            }
            return new Sender(address, address, null);
        } catch (MessagingException | RuntimeException e) {
            return new Sender(null, stored, "From cannot be read: " + shorten(singleLine(e.getMessage()), 200));
        }
    }

    /** The decoded subject on one line, or the raw header when it cannot be decoded; null without one. */
    static String subject(MimeMessage message) {
        String subject;
        try {
            subject = message.getSubject();
        } catch (MessagingException | RuntimeException e) {
            subject = header(message, "Subject");
        }
        return subject == null ? null : shorten(singleLine(subject), SUBJECT_MAX);
    }

    /** The size the server reports, 0 when it does not. */
    static long size(MimeMessage message) {
        try {
            return Math.max(message.getSize(), 0);
        } catch (MessagingException | RuntimeException e) {
            return 0;
        }
    }

    /** The first value of a header, unfolded, or null; never throws. */
    static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, null);
            return value == null ? null : value.replaceAll("\r?\n[ \t]", " ");
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** Text without control characters other than tab and line breaks, and without lone surrogates. */
    static String clean(String text) {
        return text == null ? null : CONTROL.matcher(text).replaceAll("");
    }

    /** Clean, and on one line. */
    static String singleLine(String text) {
        return text == null ? null : LINE_BREAKS.matcher(clean(text)).replaceAll(" ").strip();
    }

    static String shorten(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private InboundHeaders() {
    }
}
