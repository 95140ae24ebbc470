package org.promisedesk.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/** Builds the e-mails customers (and machines) send to the support mailbox in the inbound tests. */
final class InboundTestMail {

    private final String from;
    private String subject = "Hello";
    private String text;
    private String html;
    private String messageId = "<" + UUID.randomUUID() + "@customer-mail.example>";
    private final List<String[]> headers = new ArrayList<>();
    private final List<Object[]> attachments = new ArrayList<>();

    private InboundTestMail(String from) {
        this.from = from;
    }

    static InboundTestMail from(String from) {
        return new InboundTestMail(from);
    }

    InboundTestMail subject(String subject) {
        this.subject = subject;
        return this;
    }

    InboundTestMail text(String text) {
        this.text = text;
        return this;
    }

    InboundTestMail html(String html) {
        this.html = html;
        return this;
    }

    InboundTestMail messageId(String messageId) {
        this.messageId = messageId;
        return this;
    }

    InboundTestMail header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    InboundTestMail attachment(String name, byte[] content) {
        attachments.add(new Object[] {name, content});
        return this;
    }

    String messageId() {
        return messageId;
    }

    MimeMessage build() throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, TestMailServer.SUPPORT);
        message.setSubject(subject, "UTF-8");
        for (String[] header : headers) {
            message.addHeader(header[0], header[1]);
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        if (text != null) {
            MimeBodyPart part = new MimeBodyPart();
            part.setText(text, "UTF-8");
            mixed.addBodyPart(part);
        }
        if (html != null) {
            MimeBodyPart part = new MimeBodyPart();
            part.setContent(html, "text/html; charset=UTF-8");
            mixed.addBodyPart(part);
        }
        for (Object[] attachment : attachments) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource((byte[]) attachment[1], "application/pdf")));
            part.setFileName((String) attachment[0]);
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(part);
        }
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }
}
