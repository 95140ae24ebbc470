package org.promisedesk.mail;

import java.util.Properties;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Hands one recorded message to the SMTP server ({@code spring.mail.*}): HTML with a plain-text
 * alternative, our Message-ID, From and Reply-To from {@code promise-desk.mail}, and a BCC to the
 * archive when there is one. Any failure is thrown: it fails the job, which Camunda retries.
 */
@Component
class MailTransport {

    private final JavaMailSender sender;
    private final MailSettings settings;
    private final Session session = Session.getInstance(new Properties());

    MailTransport(JavaMailSender sender, MailSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    void send(OutboundMessage message) {
        sender.send(build(message));
    }

    MimeMessage build(OutboundMessage message) {
        try {
            MimeMessage mime = new IdentifiedMimeMessage(session, message.messageId());
            MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    "UTF-8");
            helper.setFrom(settings.fromAddress());
            helper.setReplyTo(settings.replyToAddress());
            helper.setTo(message.recipient());
            if (settings.archive().address() != null && !settings.archive().address().isBlank()) {
                helper.setBcc(settings.archive().address());
            }
            helper.setSubject(message.subject());
            helper.setText(message.bodyText(), message.bodyHtml());
            helper.setSentDate(ClockUtil.getCurrentTime());
            mime.setHeader("Content-Language", message.language());
            // Out-of-office responders should not answer a message that is itself automatic.
            mime.setHeader("Auto-Submitted", "auto-generated");
            return mime;
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot build message " + message.messageId(), e);
        }
    }
}
