package org.promisedesk.mail;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Properties;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.activation.DataHandler;
import jakarta.activation.FileTypeMap;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Hands one recorded message to the SMTP server ({@code spring.mail.*}): HTML with a plain-text
 * alternative and the recorded attachments beside it (multipart/mixed), our Message-ID, From and
 * Reply-To from {@code promise-desk.mail}, and a BCC to the archive when there is one. Any failure
 * is thrown: it fails the job, which Camunda retries.
 */
@Component
class MailTransport {

    /**
     * Spring's helper reads and parses its mime.types file again for every message the sender did
     * not create itself (ours is an {@link IdentifiedMimeMessage}): about half a millisecond a
     * message. Parsed once here instead.
     */
    private static final FileTypeMap FILE_TYPES = fileTypes();

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

    /**
     * Whether a failed send certainly handed nothing over: no server took the connection, or it
     * refused our login. Any other failure may have come after the server took the message.
     */
    static boolean reachedNoServer(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof MailConnectException
                    || cause instanceof AuthenticationFailedException || cause instanceof MailAuthenticationException) {
                return true;
            }
        }
        return false;
    }

    MimeMessage build(OutboundMessage message) {
        try {
            MimeMessage mime = new IdentifiedMimeMessage(session, message.messageId());
            MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    "UTF-8") {
                @Override
                protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                    return FILE_TYPES;
                }
            };
            helper.setFrom(settings.fromAddress());
            helper.setReplyTo(settings.replyToAddress());
            helper.setTo(message.recipient());
            if (settings.archive().address() != null && !settings.archive().address().isBlank()) {
                helper.setBcc(settings.archive().address());
            }
            helper.setSubject(message.subject());
            helper.setText(message.bodyText(), message.bodyHtml());
            for (MailAttachment attachment : message.attachments()) {
                helper.getRootMimeMultipart().addBodyPart(part(attachment));
            }
            helper.setSentDate(ClockUtil.getCurrentTime());
            mime.setHeader("Content-Language", message.language());
            // Out-of-office responders should not answer a message that is itself automatic.
            mime.setHeader("Auto-Submitted", "auto-generated");
            return mime;
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot build message " + message.messageId(), e);
        }
    }

    private static FileTypeMap fileTypes() {
        ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
        types.afterPropertiesSet();
        return types;
    }

    /**
     * A file beside the text: base64, its name RFC 2231-encoded in UTF-8 ({@code filename*=UTF-8''…})
     * in Content-Disposition and as {@code name} in Content-Type, so a Chinese name survives whatever
     * the JVM's default charset.
     */
    private static MimeBodyPart part(MailAttachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        ContentType type = new ContentType(attachment.contentType());
        ParameterList typeParameters = type.getParameterList() == null ? new ParameterList() : type.getParameterList();
        typeParameters.set("name", attachment.fileName(), "UTF-8");
        type.setParameterList(typeParameters);
        part.setHeader("Content-Type", type.toString());
        ContentDisposition disposition = new ContentDisposition(Part.ATTACHMENT);
        ParameterList dispositionParameters = new ParameterList();
        dispositionParameters.set("filename", attachment.fileName(), "UTF-8");
        disposition.setParameterList(dispositionParameters);
        part.setHeader("Content-Disposition", disposition.toString());
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }
}
