package org.promisedesk.fault;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

/**
 * The network the fault checks see in tests, all on loopback: a DNS responder answering A
 * queries from {@link #names} (other names: NXDOMAIN) at {@code promise-desk.fault.dns-server},
 * and a web server at 127.0.0.1:{@code promise-desk.fault.http-port} answering {@code GET} with
 * the status {@link #statuses} holds for the Host (200 when none). 127.0.0.2 is loopback too,
 * but nothing listens there: connections are refused. Started once per JVM, by the first test
 * that needs it; no outside network.
 */
final class FaultTestNetwork {

    static final String OUR_SERVER = "127.0.0.1";
    static final String DEAD_SERVER = "127.0.0.2";

    /** Domain (lower case, no trailing dot) → IPv4 address. */
    static final Map<String, String> names = new ConcurrentHashMap<>();
    /** Host header (without port) → status code. */
    static final Map<String, Integer> statuses = new ConcurrentHashMap<>();

    private static boolean started;

    static synchronized void start(FaultSettings settings) {
        if (started) {
            return;
        }
        try {
            String[] dns = settings.dnsServer().split(":");
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress(dns[0], Integer.parseInt(dns[1])));
            Thread responder = new Thread(() -> serveDns(socket), "test-dns");
            responder.setDaemon(true);
            responder.start();
            HttpServer web = HttpServer.create(new InetSocketAddress(OUR_SERVER, settings.httpPort()), 10);
            web.createContext("/", exchange -> {
                String host = exchange.getRequestHeaders().getFirst("Host");
                host = host == null ? "" : host.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
                int status = statuses.getOrDefault(host, 200);
                byte[] body = ("status " + status).getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            web.start();
            started = true;
        } catch (IOException e) {
            throw new IllegalStateException("The fault tests' network could not start", e);
        }
    }

    private static void serveDns(DatagramSocket socket) {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                socket.receive(query);
                byte[] answer = answer(buffer, query.getLength());
                socket.send(new DatagramPacket(answer, answer.length, query.getSocketAddress()));
            } catch (IOException | RuntimeException e) {
                // a bad packet: ignore it, keep serving
            }
        }
    }

    /** A response to the query: the A record when the name is known, otherwise NXDOMAIN. */
    static byte[] answer(byte[] query, int length) throws IOException {
        int pos = 12;
        StringBuilder name = new StringBuilder();
        while (query[pos] != 0) {
            int label = query[pos] & 0xff;
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(new String(query, pos + 1, label, StandardCharsets.US_ASCII));
            pos += label + 1;
        }
        pos++;
        int type = ((query[pos] & 0xff) << 8) | (query[pos + 1] & 0xff);
        pos += 4;
        String address = names.get(name.toString().toLowerCase(Locale.ROOT));
        boolean answered = address != null && type == 1;
        ByteBuffer out = ByteBuffer.allocate(512);
        out.put(query[0]).put(query[1]);
        out.putShort((short) (0x8180 | (address == null ? 3 : 0)));
        out.putShort((short) 1).putShort((short) (answered ? 1 : 0)).putShort((short) 0).putShort((short) 0);
        out.put(query, 12, pos - 12);
        if (answered) {
            out.putShort((short) 0xC00C).putShort((short) 1).putShort((short) 1).putInt(60).putShort((short) 4);
            out.put(InetAddress.getByName(address).getAddress());
        }
        byte[] response = new byte[out.position()];
        out.flip();
        out.get(response);
        return response;
    }

    private FaultTestNetwork() {
    }
}
