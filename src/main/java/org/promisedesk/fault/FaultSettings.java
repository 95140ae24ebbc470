package org.promisedesk.fault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code promise-desk.fault.*}: how the first-line checks reach the customer's service, the
 * resolution deadline, escalation and progress-update interval per priority, consent and what
 * makes an incident major. Times per priority are an ISO duration ({@code PT4H}: calendar time)
 * or {@code "N business day(s)"} (working days of the business calendar); see {@link ResolutionDeadlines}.
 */
@ConfigurationProperties("promise-desk.fault")
record FaultSettings(
        /** {@code host:port} of the DNS resolver the check asks; blank: the system's resolver. */
        @DefaultValue("") String dnsServer,
        @DefaultValue("PT2S") Duration dnsTimeout,
        @DefaultValue("PT3S") Duration connectTimeout,
        @DefaultValue("PT5S") Duration httpTimeout,
        /** The port the HTTP check asks; also checked by the reachability check. */
        @DefaultValue("80") int httpPort,
        /** More ports the reachability check tries besides {@link #httpPort}; one answering is enough. */
        @DefaultValue("443") List<Integer> tcpPorts,
        Map<String, String> resolutionTime,
        /** After the resolution deadline, when the on-call lead gets the escalation (tier 3). */
        Map<String, String> onCallAfter,
        Map<String, Duration> progressInterval,
        /** The interval for {@code UNDER_PRESSURE} customers. */
        Map<String, Duration> underPressureProgressInterval,
        @DefaultValue("lead") String onCallLead,
        /** How long the customer has to consent to an intrusive operation; without an answer nothing is done. */
        @DefaultValue("PT24H") Duration consentWindow,
        /** An outage longer than this is a major incident. */
        @DefaultValue("PT4H") Duration majorOutage,
        /** More customers than this on the server of a fault of ours: a major incident. */
        @DefaultValue("3") int majorSameServerCustomers,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone) {

    FaultSettings {
        dnsServer = dnsServer == null ? "" : dnsServer.strip();
        tcpPorts = tcpPorts == null ? List.of() : List.copyOf(tcpPorts);
        resolutionTime = withDefaults(resolutionTime, Map.of("P1", "PT1H", "P2", "PT4H", "P3", "1 business day"));
        onCallAfter = withDefaults(onCallAfter, Map.of("P1", "PT1H", "P2", "PT4H", "P3", "1 business day"));
        progressInterval = withDefaults(progressInterval,
                Map.of("P1", Duration.ofHours(1), "P2", Duration.ofHours(4), "P3", Duration.ofDays(1)));
        underPressureProgressInterval = withDefaults(underPressureProgressInterval,
                Map.of("P1", Duration.ofMinutes(30), "P2", Duration.ofHours(2), "P3", Duration.ofHours(8)));
        for (String priority : FaultEscalationProcess.PRIORITIES) {
            require(resolutionTime, priority, "resolution-time");
            require(onCallAfter, priority, "on-call-after");
            require(progressInterval, priority, "progress-interval");
            require(underPressureProgressInterval, priority, "under-pressure-progress-interval");
            for (Map<String, Duration> intervals : List.of(progressInterval, underPressureProgressInterval)) {
                if (intervals.get(priority).isNegative() || intervals.get(priority).isZero()) {
                    throw new IllegalArgumentException("promise-desk.fault progress intervals must be positive");
                }
            }
            ResolutionDeadlines.check(resolutionTime.get(priority));
            ResolutionDeadlines.check(onCallAfter.get(priority));
        }
        if (onCallLead == null || onCallLead.isBlank()) {
            throw new IllegalArgumentException("promise-desk.fault.on-call-lead is required: a user id");
        }
    }

    private static <T> Map<String, T> withDefaults(Map<String, T> given, Map<String, T> defaults) {
        Map<String, T> merged = new java.util.HashMap<>(defaults);
        if (given != null) {
            merged.putAll(given);
        }
        return Map.copyOf(merged);
    }

    private static void require(Map<String, ?> map, String priority, String name) {
        if (map == null || map.get(priority) == null) {
            throw new IllegalArgumentException("promise-desk.fault." + name + "." + priority + " is required");
        }
    }

    /** Every port the reachability check tries, the HTTP port first. */
    List<Integer> reachabilityPorts() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(httpPort), tcpPorts.stream())
                .distinct().toList();
    }
}
