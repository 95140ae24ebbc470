package org.promisedesk.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * One row of a hostile-input or security table, and how it is sent: the JDK's HTTP client, so
 * that a path is sent exactly as written ({@code %2F} stays encoded) and a body can go without a
 * length (chunked). {@code user} null is anonymous; the password of a demo user is its id.
 */
record HostileRequests(String name, String method, String path, String user, String contentType, Object body,
        int status, String fragment) {

    static final String JSON = "application/json";
    static final String TEXT = "text/plain";

    /** A body sent without a Content-Length, read from a stream. */
    record Chunked(byte[] content) {
    }

    /** A multipart/form-data body: pairs of (part name, file name or null, content). */
    record Multipart(Object... parts) {
    }

    static HostileRequests of(String name, String method, String path, String user, String contentType, Object body,
            int status, String fragment) {
        return new HostileRequests(name, method, path, user, contentType, body, status, fragment);
    }

    @Override
    public String toString() {
        return name + " → " + status;
    }

    HostileRequests withPath(String newPath) {
        return new HostileRequests(name, method, newPath, user, contentType, body, status, fragment);
    }

    HostileRequests withBody(Object newBody) {
        return new HostileRequests(name, method, path, user, contentType, newBody, status, fragment);
    }

    /** The fragment matches when the body contains any of its {@code |}-separated alternatives. */
    boolean matches(String responseBody) {
        return fragment.isEmpty() || Arrays.stream(fragment.split("\\|")).anyMatch(responseBody::contains);
    }

    HttpResponse<String> send(int port) throws IOException, InterruptedException {
        return sendAs(port, user, user);
    }

    HttpResponse<String> sendAs(int port, String login, String password) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (login != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        BodyPublisher publisher = BodyPublishers.noBody();
        if (body instanceof Multipart multipart) {
            String boundary = "hostile" + UUID.randomUUID().toString().replace("-", "");
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            publisher = BodyPublishers.ofByteArray(multipart(boundary, multipart.parts()));
        } else if (body != null) {
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            publisher = body instanceof Chunked chunked
                    ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked.content()))
                    : body instanceof byte[] bytes ? BodyPublishers.ofByteArray(bytes)
                    : BodyPublishers.ofString(body.toString());
        }
        request.method(method, publisher);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static byte[] multipart(String boundary, Object[] parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i += 3) {
            String name = (String) parts[i];
            String fileName = (String) parts[i + 1];
            byte[] content = parts[i + 2] instanceof byte[] bytes ? bytes
                    : parts[i + 2].toString().getBytes(StandardCharsets.UTF_8);
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n"
                    + (fileName == null ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
