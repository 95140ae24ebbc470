package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.DOMAIN;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_CLIENT_ERROR;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_FORBIDDEN;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_NOT_FOUND;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_NO_ANSWER;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_OK;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_RESULT;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_SERVER_ERROR;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_STATUS;
import static org.promisedesk.fault.FaultEscalationProcess.IP_ADDRESS;
import static org.promisedesk.fault.FaultEscalationProcess.NOT_CHECKED;
import static org.promisedesk.fault.FaultEscalationProcess.TCP_OPEN;
import static org.promisedesk.fault.FaultEscalationProcess.TCP_RESULT;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckHttpStatus} (its own job): what does the site answer? {@code GET /} to the
 * recorded address on {@code promise-desk.fault.http-port}, with the service's domain as
 * {@code Host} — we ask our own server, whatever the public DNS says. Only when a port answered
 * the reachability check. Sets {@code httpStatus} (when answered) and {@code httpResult}.
 *
 * <p>A plain HTTP/1.1 request on a socket: {@code java.net.http.HttpClient} refuses to set the
 * {@code Host} header (a restricted header) without a JVM-wide system property.
 */
@Component
class CheckHttpStatus implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CheckHttpStatus.class);
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d(?:\\.\\d)? (\\d{3}).*");

    private final FaultSettings settings;

    CheckHttpStatus(FaultSettings settings) {
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!TCP_OPEN.equals(execution.getVariable(TCP_RESULT))) {
            execution.setVariable(HTTP_RESULT, NOT_CHECKED);
            return;
        }
        String address = (String) execution.getVariable(IP_ADDRESS);
        String domain = (String) execution.getVariable(DOMAIN);
        Integer status = status(address, domain);
        if (status != null) {
            execution.setVariable(HTTP_STATUS, status);
        }
        execution.setVariable(HTTP_RESULT, result(status));
        log.info("Request {}: http://{} at {} answers {}", execution.getProcessBusinessKey(), domain, address, status);
    }

    static String result(Integer status) {
        if (status == null) {
            return HTTP_NO_ANSWER;
        }
        if (status < 400) {
            return HTTP_OK;
        }
        return switch (status) {
            case 403 -> HTTP_FORBIDDEN;
            case 404, 410 -> HTTP_NOT_FOUND;
            default -> status >= 500 ? HTTP_SERVER_ERROR : HTTP_CLIENT_ERROR;
        };
    }

    /** The status code of {@code GET /}, or null when nothing (or no HTTP) answered in time. */
    Integer status(String address, String domain) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String host = domain == null || domain.isBlank() ? address.strip() : domain.strip();
        int timeout = (int) Math.max(1, settings.httpTimeout().toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.strip(), settings.httpPort()), timeout);
            socket.setSoTimeout(timeout);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: PromiseDesk-FaultCheck/1\r\n"
                    + "Accept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            Matcher matcher = line == null ? null : STATUS_LINE.matcher(line);
            return matcher != null && matcher.matches() ? Integer.valueOf(matcher.group(1)) : null;
        } catch (IOException e) {
            log.debug("No HTTP answer from {}:{}: {}", address, settings.httpPort(), e.toString());
            return null;
        }
    }
}
