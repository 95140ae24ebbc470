package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.IP_ADDRESS;
import static org.promisedesk.fault.FaultEscalationProcess.OPEN_PORTS;
import static org.promisedesk.fault.FaultEscalationProcess.TCP_NO_ADDRESS;
import static org.promisedesk.fault.FaultEscalationProcess.TCP_OPEN;
import static org.promisedesk.fault.FaultEscalationProcess.TCP_REFUSED;
import static org.promisedesk.fault.FaultEscalationProcess.TCP_RESULT;
import static org.promisedesk.fault.FaultEscalationProcess.TCP_TIMEOUT;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckReachability} (its own job): is the server reachable? A TCP connect to the
 * recorded address on the HTTP port and {@code promise-desk.fault.tcp-ports}, each within
 * {@code connect-timeout}. {@code tcpResult}: {@code open} (a port answered), {@code refused} (the
 * host answered, nothing listens), {@code timeout} (no answer: network or host down),
 * {@code no-address}.
 */
@Component
class CheckReachability implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CheckReachability.class);

    private final FaultSettings settings;

    CheckReachability(FaultSettings settings) {
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String address = (String) execution.getVariable(IP_ADDRESS);
        List<Integer> open = new ArrayList<>();
        String result = check(address, open);
        execution.setVariable(TCP_RESULT, result);
        execution.setVariable(OPEN_PORTS, open.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        log.info("Request {}: {} is {} (open ports {})", execution.getProcessBusinessKey(), address, result, open);
    }

    /** The result for the address; the ports that answered are added to {@code open}. */
    String check(String address, List<Integer> open) {
        if (address == null || address.isBlank()) {
            return TCP_NO_ADDRESS;
        }
        boolean refused = false;
        for (int port : settings.reachabilityPorts()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address.strip(), port),
                        (int) Math.max(1, settings.connectTimeout().toMillis()));
                open.add(port);
            } catch (ConnectException e) {
                refused = true;
            } catch (IOException e) {
                log.debug("No answer from {}:{}: {}", address, port, e.toString());
            }
        }
        if (!open.isEmpty()) {
            return TCP_OPEN;
        }
        return refused ? TCP_REFUSED : TCP_TIMEOUT;
    }
}
