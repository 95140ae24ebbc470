package org.promisedesk.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy between the application and GreenMail's SMTP port that breaks the connection at
 * the end of the message data: either after the server accepted the message, swallowing its
 * {@code 250} (the client sees a failure though the message was delivered), or before the server
 * saw the end (nothing was delivered). One connection at a time; it stops itself when closed.
 */
final class BreakingSmtpProxy implements AutoCloseable {

    enum Break { AFTER_SERVER_ACCEPTED, BEFORE_SERVER_SAW_END }

    private static final byte[] END_OF_DATA = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final int serverPort;
    private final Break when;
    private final Thread acceptor;

    BreakingSmtpProxy(int serverPort, Break when) throws IOException {
        this.serverPort = serverPort;
        this.when = when;
        this.listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "breaking-smtp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try (Socket client = listener.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
                relay(client, server);
            } catch (IOException e) {
                // closed, or the connection we broke on purpose
            }
        }
    }

    private void relay(Socket client, Socket server) throws IOException {
        AtomicBoolean dataEnded = new AtomicBoolean();
        Thread upstream = new Thread(() -> copyClientToServer(client, server, dataEnded), "proxy-upstream");
        upstream.setDaemon(true);
        upstream.start();
        InputStream fromServer = server.getInputStream();
        OutputStream toClient = client.getOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = fromServer.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                if (dataEnded.get() && line.toString(StandardCharsets.US_ASCII).startsWith("250")) {
                    return; // swallowed: both sockets close
                }
                toClient.write(line.toByteArray());
                toClient.flush();
                line.reset();
            }
        }
    }

    private void copyClientToServer(Socket client, Socket server, AtomicBoolean dataEnded) {
        try {
            InputStream fromClient = client.getInputStream();
            OutputStream toServer = server.getOutputStream();
            int matched = 0;
            int b;
            while ((b = fromClient.read()) != -1) {
                matched = b == END_OF_DATA[matched] ? matched + 1 : (b == END_OF_DATA[0] ? 1 : 0);
                if (matched == END_OF_DATA.length) {
                    dataEnded.set(true);
                    if (when == Break.BEFORE_SERVER_SAW_END) {
                        client.close();
                        server.close();
                        return;
                    }
                    matched = 0;
                }
                toServer.write(b);
                toServer.flush();
            }
        } catch (IOException e) {
            // the other direction closed the sockets
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
