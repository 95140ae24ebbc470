package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promisedesk.mail.TestMailServer;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The default setup (H2 in a file under {@code ./data}, nothing configured but the mail server)
 * killed as {@code kill -9} kills it, three times, while three clients open requests with
 * Idempotency-Keys; then started once more on the same files. Every request answered 201 must still
 * be there, its Idempotency-Key must answer with the same request, no request key may have been
 * handed out twice, and each request's customer must get its acknowledgement, composed once. The
 * same message may arrive twice only where SMTP leaves no way to know (a kill between the server's
 * "250 OK" and our commit, with no archive mailbox to ask).
 * Figures are printed for docs/reliability.md.
 */
class H2CrashTest {

    private static final Pattern REQUEST_KEY = Pattern.compile("REQ-\\d{4}-\\d{6}");
    private static final int KILLS = 3;
    private static final int CLIENTS = 3;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    /** Idempotency-Key → the request key its 201 named. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** Every request key a 201 named, with the Idempotency-Keys it was named for. */
    private final Map<String, Set<String>> keysAnswered = new ConcurrentHashMap<>();
    private GreenMail greenMail;
    private ClusterNodeProcess node;

    @AfterEach
    void stop() throws InterruptedException {
        if (node != null) {
            node.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void shouldKeepEveryAcknowledgedRequestAndAcknowledgeItOnceThroughThreeKills() throws Exception {
        greenMail = TestMailServer.promptGreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        long started = System.nanoTime();
        int answeredBeforeKill = 0;
        for (int round = 0; round < KILLS; round++) {
            node = startNode();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Thread client = new Thread(() -> openRequestsWhile(running));
                client.start();
                clients.add(client);
            }
            Thread.sleep(ThreadLocalRandom.current().nextLong(4000, 8000));
            node.kill(); // while the clients are sending
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
            answeredBeforeKill = acknowledged.size();
        }
        node = startNode();

        assertThat(acknowledged).as("requests answered 201 before the kills").hasSizeGreaterThan(30);
        List<String> lost = new ArrayList<>();
        List<String> reopened = new ArrayList<>();
        for (Map.Entry<String, String> opened : acknowledged.entrySet()) {
            if (status("/api/requests/" + opened.getValue()) != 200) {
                lost.add(opened.getValue());
            }
            HttpResponse<String> again = post(opened.getKey(), bodies.get(opened.getKey()));
            if (again.statusCode() != 200 || !again.body().contains(opened.getValue())) {
                reopened.add(opened.getKey() + " -> " + again.statusCode() + " " + again.body());
            }
        }
        Map<String, Set<String>> keysGivenTwice = keysAnswered.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // A job the killed JVM had locked waits out the engine's lock (5 minutes), a message it was
        // sending waits out the outbox lease (promise-desk.mail.outbox.lease, 2 minutes).
        Map<String, List<String>> acknowledgements = awaitAcknowledgements(Duration.ofMinutes(8));
        List<String> notReceived = acknowledged.values().stream().filter(key -> !acknowledgements.containsKey(key))
                .toList();
        List<String> composedTwice = acknowledgements.entrySet().stream()
                .filter(entry -> entry.getValue().stream().distinct().count() > 1).map(Map.Entry::getKey).toList();
        List<String> sameMessageTwice = acknowledgements.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1 && entry.getValue().stream().distinct().count() == 1)
                .map(Map.Entry::getKey).toList();

        System.out.printf("H2CrashTest: %d kills, %d requests answered 201 (%d before the last kill), lost %d,"
                + " reopened by their Idempotency-Key %d, request keys given twice %d, acknowledgements missing %d,"
                + " composed twice %d, the same message delivered twice %d, %d s%n", KILLS, acknowledged.size(),
                answeredBeforeKill, lost.size(), reopened.size(), keysGivenTwice.size(), notReceived.size(),
                composedTwice.size(), sameMessageTwice.size(), (System.nanoTime() - started) / 1_000_000_000);
        assertThat(lost).as("requests answered 201 and gone").isEmpty();
        assertThat(reopened).as("Idempotency-Keys that did not answer with their request").isEmpty();
        assertThat(keysGivenTwice).as("request keys answered for two different requests").isEmpty();
        assertThat(notReceived).as("acknowledgements that never arrived").isEmpty();
        assertThat(composedTwice).as("acknowledgements composed twice (two Message-IDs)").isEmpty();
        // Without an archive mailbox (the default has none) a kill between the mail server's "250 OK"
        // and our commit of SENT makes the next sender send that same message again: at most the
        // messages in flight at each kill (docs/messaging.md, "What it cannot guarantee").
        assertThat(sameMessageTwice.size()).as("the same message twice: only a kill's messages in flight")
                .isLessThanOrEqualTo(KILLS * 3);
    }

    /** The default configuration, in a folder of its own: only the mail server and the port are set. */
    private ClusterNodeProcess startNode() throws Exception {
        ClusterNodeProcess started = ClusterNodeProcess.start("default", freePort(), List.of(
                "spring.profiles.active=demo", "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + greenMail.getSmtp().getPort()), Path.of("target", "h2-crash-node.log").toAbsolutePath(), dir);
        started.awaitStarted(Duration.ofMinutes(3));
        return started;
    }

    private void openRequestsWhile(AtomicBoolean running) {
        int n = 0;
        while (running.get()) {
            String idempotencyKey = UUID.randomUUID().toString();
            String body = "{\"customerId\":1,\"channel\":\"api\",\"subject\":\"Crash test " + idempotencyKey
                    + "\",\"body\":\"Number " + n++ + " of a client that keeps writing.\"}";
            bodies.put(idempotencyKey, body);
            try {
                HttpResponse<String> response = post(idempotencyKey, body);
                if (response.statusCode() == 201) {
                    Matcher key = REQUEST_KEY.matcher(response.body());
                    assertThat(key.find()).as(response.body()).isTrue();
                    acknowledged.put(idempotencyKey, key.group());
                    keysAnswered.computeIfAbsent(key.group(), k -> ConcurrentHashMap.newKeySet()).add(idempotencyKey);
                }
            } catch (IOException e) {
                // the node is dying or dead: this request was never acknowledged
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits until every acknowledged request's acknowledgement arrived; their Message-IDs by request. */
    private Map<String, List<String>> awaitAcknowledgements(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, List<String>> received = Map.of();
        while (System.nanoTime() < deadline) {
            received = acknowledgementsByRequest();
            if (received.keySet().containsAll(acknowledged.values())) {
                Thread.sleep(3000); // a second copy, if one were coming, would be on its way by now
                return acknowledgementsByRequest();
            }
            Thread.sleep(2000);
        }
        return received;
    }

    private Map<String, List<String>> acknowledgementsByRequest() {
        return java.util.Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> subject(message).contains("] We have your request"))
                .collect(Collectors.groupingBy(message -> subject(message).substring(1, subject(message).indexOf(']')),
                        Collectors.mapping(H2CrashTest::messageId, Collectors.toList())));
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String idempotencyKey, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/api/requests"))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int status(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .header("Authorization", basic()).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("agent:agent".getBytes());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
