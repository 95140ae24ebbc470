package org.promisedesk.platform;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the cluster nodes take for their SMTP server: a TCP relay to GreenMail that the test can
 * switch off (every connection is closed at once: the server is down) and that, while
 * {@link #loseEveryNth} is set, swallows the server's {@code 250} after every n-th message — the
 * server took it, the sender never hears so (an attempt with an unknown outcome). Any number of
 * connections at a time, one thread each.
 */
final class ClusterSmtpSwitch implements AutoCloseable {

    private static final byte[] END_OF_DATA = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final int serverPort;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger loseEveryNth = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger answersLost = new AtomicInteger();

    ClusterSmtpSwitch(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "cluster-smtp-switch");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void down(boolean isDown) {
        down.set(isDown);
    }

    /** 0: never. */
    void loseEveryNth(int n) {
        loseEveryNth.set(n);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (down.get()) {
                    refused.incrementAndGet();
                    client.close();
                    continue;
                }
                int n = loseEveryNth.get();
                boolean lose = n > 0 && connections.incrementAndGet() % n == 0;
                Thread relay = new Thread(() -> relay(client, lose), "cluster-smtp-relay");
                relay.setDaemon(true);
                relay.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void relay(Socket client, boolean loseAnswer) {
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
            AtomicBoolean dataEnded = new AtomicBoolean();
            Thread upstream = new Thread(() -> copyClientToServer(client, server, dataEnded), "cluster-smtp-up");
            upstream.setDaemon(true);
            upstream.start();
            InputStream fromServer = new BufferedInputStream(server.getInputStream());
            OutputStream toClient = client.getOutputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = fromServer.read()) != -1) {
                line.write(b);
                if (b == '\n') {
                    if (loseAnswer && dataEnded.get() && line.toString(StandardCharsets.US_ASCII).startsWith("250")) {
                        answersLost.incrementAndGet();
                        return; // swallowed: both sockets close
                    }
                    toClient.write(line.toByteArray());
                    toClient.flush();
                    line.reset();
                }
            }
        } catch (IOException e) {
            // a side closed
        }
    }

    private static void copyClientToServer(Socket client, Socket server, AtomicBoolean dataEnded) {
        try {
            InputStream fromClient = client.getInputStream();
            OutputStream toServer = server.getOutputStream();
            byte[] buffer = new byte[8192];
            int matched = 0;
            int read;
            while ((read = fromClient.read(buffer)) != -1) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    matched = b == END_OF_DATA[matched] ? matched + 1 : (b == END_OF_DATA[0] ? 1 : 0);
                    if (matched == END_OF_DATA.length) {
                        dataEnded.set(true);
                        matched = 0;
                    }
                }
                toServer.write(buffer, 0, read);
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
