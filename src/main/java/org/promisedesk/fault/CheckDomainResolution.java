package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.DNS_DOES_NOT_RESOLVE;
import static org.promisedesk.fault.FaultEscalationProcess.DNS_LOOKUP_FAILED;
import static org.promisedesk.fault.FaultEscalationProcess.DNS_NO_DOMAIN;
import static org.promisedesk.fault.FaultEscalationProcess.DNS_RESOLVES;
import static org.promisedesk.fault.FaultEscalationProcess.DNS_RESOLVES_ELSEWHERE;
import static org.promisedesk.fault.FaultEscalationProcess.DNS_RESOLVES_TO_US;
import static org.promisedesk.fault.FaultEscalationProcess.DNS_RESULT;
import static org.promisedesk.fault.FaultEscalationProcess.DOMAIN;
import static org.promisedesk.fault.FaultEscalationProcess.IP_ADDRESS;
import static org.promisedesk.fault.FaultEscalationProcess.RESOLVED_ADDRESSES;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckDomainResolution} (its own job): does the service's domain resolve, and to the
 * address we have on record? Asks the resolver {@code promise-desk.fault.dns-server} (JNDI DNS,
 * A records). Sets {@code dnsResult} and {@code resolvedAddresses}; a failed lookup is a result
 * ({@code lookup-failed}), not an error.
 */
@Component
class CheckDomainResolution implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CheckDomainResolution.class);

    private final FaultSettings settings;

    CheckDomainResolution(FaultSettings settings) {
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String domain = (String) execution.getVariable(DOMAIN);
        String recorded = (String) execution.getVariable(IP_ADDRESS);
        Result result = check(domain, recorded);
        execution.setVariable(DNS_RESULT, result.outcome());
        execution.setVariable(RESOLVED_ADDRESSES, String.join(", ", result.addresses()));
        log.info("Request {}: {} resolves {} {} (on record: {})", execution.getProcessBusinessKey(), domain,
                result.outcome(), result.addresses(), recorded);
    }

    record Result(String outcome, List<String> addresses) {
    }

    Result check(String domain, String recordedAddress) {
        if (domain == null || domain.isBlank()) {
            return new Result(DNS_NO_DOMAIN, List.of());
        }
        List<String> addresses;
        try {
            addresses = lookup(domain.strip());
        } catch (NameNotFoundException e) {
            return new Result(DNS_DOES_NOT_RESOLVE, List.of());
        } catch (NamingException e) {
            log.warn("DNS lookup of {} failed: {}", domain, e.toString());
            return new Result(DNS_LOOKUP_FAILED, List.of());
        }
        if (addresses.isEmpty()) {
            return new Result(DNS_DOES_NOT_RESOLVE, addresses);
        }
        if (recordedAddress == null || recordedAddress.isBlank()) {
            return new Result(DNS_RESOLVES, addresses);
        }
        return new Result(addresses.contains(recordedAddress.strip()) ? DNS_RESOLVES_TO_US : DNS_RESOLVES_ELSEWHERE,
                addresses);
    }

    private List<String> lookup(String domain) throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        if (!settings.dnsServer().isBlank()) {
            env.put(Context.PROVIDER_URL, "dns://" + settings.dnsServer().strip());
        } // else: the platform's resolvers (/etc/resolv.conf)
        env.put("com.sun.jndi.dns.timeout.initial", Long.toString(Math.max(1, settings.dnsTimeout().toMillis())));
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        DirContext context = new InitialDirContext(env);
        try {
            Attributes attributes = context.getAttributes(domain.endsWith(".") ? domain : domain + ".",
                    new String[] {"A"});
            Attribute a = attributes.get("A");
            List<String> addresses = new ArrayList<>();
            if (a != null) {
                NamingEnumeration<?> values = a.getAll();
                while (values.hasMore()) {
                    addresses.add(values.next().toString());
                }
            }
            return addresses;
        } finally {
            context.close();
        }
    }
}
