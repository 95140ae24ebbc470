package org.promisedesk.mail;

import java.util.Properties;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * For the process tests of other packages: an e-mail to the support mailbox over GreenMail, read by
 * the application's own mailbox reader — the whole way a customer's reply takes, sender check
 * included.
 */
public final class TestSupportMailbox {

    /**
     * Delivers a plain-text e-mail ({@code headers}: name, value, name, value…), reads the mailbox
     * once and returns the message's disposition as recorded.
     */
    public static String replyArrives(ApplicationContext context, String from, String subject, String text,
            String... headers) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        String messageId = "<" + UUID.randomUUID() + "@customer-mail.example>";
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, TestMailServer.SUPPORT);
        message.setSubject(subject, "UTF-8");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            message.addHeader(headers[i], headers[i + 1]);
        }
        message.setText(text, "UTF-8");
        message.saveChanges();
        message.setHeader("Message-ID", messageId);
        TestMailServer mail = context.getBean(TestMailServer.class);
        mail.greenMail().getUserManager().getUser(TestMailServer.SUPPORT).deliver(message);
        InboundMailTest.supportMailbox(mail, context.getBean(MailSettings.class), context.getBean(InboundMail.class))
                .poll();
        return context.getBean(InboundMessages.class).find(messageId).orElseThrow().disposition().name();
    }

    private TestSupportMailbox() {
    }
}
