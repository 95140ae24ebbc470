package org.promisedesk.mail;

import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * GreenMail (SMTP and IMAP on loopback) for the one shared test context: a bean in the test
 * sources, scanned with the application in profile {@code test} only, so it starts and stops
 * with the {@code @EngineTest} context, once per JVM, on the ports that context was given
 * (random per JVM, application-test.yaml). Tests inject it to read what arrived.
 */
@Component
@Profile("test")
public class TestMailServer implements DisposableBean {

    public static final String SUPPORT = "support@promisedesk.example";

    private final GreenMail greenMail;
    private final JavaMailSenderImpl sender;
    private final int smtpPort;

    TestMailServer(JavaMailSenderImpl sender, MailSettings settings) {
        this.sender = sender;
        this.smtpPort = sender.getPort();
        MailSettings.Imap archive = settings.archive().imap();
        greenMail = promptGreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(archive.port(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        greenMail.setUser(archive.username(), archive.username(), archive.password());
        greenMail.setUser(SUPPORT, SUPPORT, "support");
    }

    /** A GreenMail whose SMTP server answers at once, as a real one does ({@link PromptSmtpServer}). */
    public static GreenMail promptGreenMail(ServerSetup... setups) {
        return new GreenMail(setups) {
            @Override
            protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
                Map<String, AbstractServer> services = super.createServices(config, managers);
                services.replaceAll((protocol, server) -> server instanceof SmtpServer
                        ? new PromptSmtpServer(server.getServerSetup(), managers) : server);
                return services;
            }
        };
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Every message that reached this address's mailbox, oldest first. */
    public List<MimeMessage> messagesTo(String address) {
        return greenMail.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), message -> true)
                .toList();
    }

    /** The one message with this Message-ID in the address's mailbox; fails on none or several. */
    public MimeMessage messageTo(String address, String messageId) {
        List<MimeMessage> found = messagesTo(address).stream().filter(m -> messageId.equals(id(m))).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " messages " + messageId + " to " + address);
        }
        return found.get(0);
    }

    /** Sends the application's SMTP traffic to another port (a dead one, or a proxy) until {@link #restore}. */
    public void divertSmtpTo(int port) {
        sender.setPort(port);
    }

    public void restore() {
        sender.setPort(smtpPort);
    }

    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    static String id(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> ids(MimeMessage[] messages) {
        return Arrays.stream(messages).map(TestMailServer::id).toList();
    }

    /**
     * GreenMail's SMTP server writes its two-line EHLO reply in two writes; with Nagle's algorithm
     * on its socket the second line waits for the client's delayed ACK, about 40 ms per message on
     * Linux. A real SMTP server sends the reply at once, so without this every message in the tests
     * and in benchmark B1 (docs/benchmarks.md) paid a stall that only the test server has.
     */
    private static final class PromptSmtpServer extends SmtpServer {

        PromptSmtpServer(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected void handleClientSocket(Socket socket) throws SocketException {
            socket.setTcpNoDelay(true);
            super.handleClientSocket(socket);
        }
    }

    @Override
    public void destroy() {
        greenMail.stop();
    }
}
