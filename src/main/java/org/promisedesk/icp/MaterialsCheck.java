package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.CERTIFICATE_NUMBER;
import static org.promisedesk.icp.IcpFilingProcess.CERTIFICATE_RESIDENT_ID;
import static org.promisedesk.icp.IcpFilingProcess.CERTIFICATE_TYPE;
import static org.promisedesk.icp.IcpFilingProcess.CERTIFICATE_USCC;
import static org.promisedesk.icp.IcpFilingProcess.DOMAINS;
import static org.promisedesk.icp.IcpFilingProcess.HOSTING_SERVICE_ID;
import static org.promisedesk.icp.IcpFilingProcess.RESPONSIBLE_EMAIL;
import static org.promisedesk.icp.IcpFilingProcess.RESPONSIBLE_ID_NUMBER;
import static org.promisedesk.icp.IcpFilingProcess.RESPONSIBLE_MOBILE;
import static org.promisedesk.icp.IcpFilingProcess.RESPONSIBLE_NAME;
import static org.promisedesk.icp.IcpFilingProcess.SUBJECT_ENTERPRISE;
import static org.promisedesk.icp.IcpFilingProcess.SUBJECT_INDIVIDUAL;
import static org.promisedesk.icp.IcpFilingProcess.SUBJECT_NAME;
import static org.promisedesk.icp.IcpFilingProcess.SUBJECT_TYPE;
import static org.promisedesk.icp.IcpFilingProcess.WEBSITE_NAME;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.promisedesk.customer.ServiceState;
import org.promisedesk.icp.DomainNames.Domain;

/**
 * The automatic check of the materials, field by field, without the engine: what is missing or
 * wrong ({@link Result#problems}, one per field at most, every domain on its own), and the values
 * normalised for the filing.
 */
final class MaterialsCheck {

    static final int MAX_DOMAINS = 10;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Pattern DIGITS_ONLY = Pattern.compile("[\\d\\s]+");

    /** What the check needs to know beyond the materials. */
    interface Registry {

        List<HostedService> servicesOf(long customerId);

        /** Whether a service has an ICP number for this domain or a parent domain (ASCII form). */
        boolean filed(String domain);

        /** The other open filing this domain (ASCII form) is in, described for people; empty when none. */
        Optional<String> openFilingOf(String domain, long exceptFilingId);
    }

    /**
     * @param values    the normalised materials to store back, by variable name
     * @param reserved  the valid domains (ASCII form) this filing may hold
     * @param hosting   the hosting service, when it is known and fit
     */
    record Result(List<Problem> problems, Map<String, Object> values, List<String> reserved, HostedService hosting) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    private final Registry registry;
    private final LocalDate today;

    MaterialsCheck(Registry registry, LocalDate today) {
        this.registry = registry;
        this.today = today;
    }

    Result check(Materials m, long customerId, long filingId) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();

        String subjectType = m.subjectType() == null ? null : m.subjectType().toLowerCase(Locale.ROOT);
        if (subjectType == null) {
            problems.add(Problem.of(SUBJECT_TYPE, Problem.REQUIRED));
        } else if (!subjectType.equals(SUBJECT_ENTERPRISE) && !subjectType.equals(SUBJECT_INDIVIDUAL)) {
            problems.add(Problem.of(SUBJECT_TYPE, Problem.UNKNOWN_VALUE));
            subjectType = null;
        } else {
            values.put(SUBJECT_TYPE, subjectType);
        }
        name(m.subjectName(), SUBJECT_NAME, 100, problems);
        String certificateType = certificateType(m.certificateType(), subjectType, problems, values);
        String certificate = compactUpper(m.certificateNumber());
        boolean certificateValid = certificate(certificate, certificateType, problems, values);
        name(m.responsibleName(), RESPONSIBLE_NAME, 50, problems);
        String responsibleId = compactUpper(m.responsibleIdNumber());
        boolean responsibleIdValid = identity(responsibleId, RESPONSIBLE_ID_NUMBER, problems);
        if (responsibleIdValid) {
            values.put(RESPONSIBLE_ID_NUMBER, responsibleId);
        }
        if (SUBJECT_INDIVIDUAL.equals(subjectType)) {
            samePerson(m, certificate, certificateValid, responsibleId, responsibleIdValid, problems);
        }
        mobile(m.responsibleMobile(), problems, values);
        email(m.responsibleEmail(), problems, values);
        websiteName(m.websiteName(), problems);

        List<HostedService> services = registry.servicesOf(customerId);
        List<Domain> domains = domains(m.domains(), services, filingId, problems, values);
        HostedService hosting = hosting(m.hostingServiceId(), services, domains, problems);
        if (hosting != null) {
            values.put(HOSTING_SERVICE_ID, hosting.id());
        }
        List<String> reserved = domains.stream().map(Domain::ascii).toList();
        return new Result(List.copyOf(problems), values, reserved, hosting);
    }

    private static void name(String value, String field, int maxLength, List<Problem> problems) {
        if (value == null) {
            problems.add(Problem.of(field, Problem.REQUIRED));
        } else if (value.length() > maxLength) {
            problems.add(Problem.of(field, Problem.TOO_LONG));
        }
    }

    /** Missing is fine: it follows from the subject type. */
    private static String certificateType(String given, String subjectType, List<Problem> problems,
            Map<String, Object> values) {
        String expected = subjectType == null ? null
                : subjectType.equals(SUBJECT_ENTERPRISE) ? CERTIFICATE_USCC : CERTIFICATE_RESIDENT_ID;
        String type = given == null ? expected : given.toLowerCase(Locale.ROOT);
        if (type == null) {
            return null;
        }
        if (!type.equals(CERTIFICATE_USCC) && !type.equals(CERTIFICATE_RESIDENT_ID)) {
            problems.add(Problem.of(CERTIFICATE_TYPE, Problem.UNKNOWN_VALUE));
            return null;
        }
        if (expected != null && !expected.equals(type)) {
            problems.add(Problem.of(CERTIFICATE_TYPE, Problem.TYPE_MISMATCH));
            return null;
        }
        values.put(CERTIFICATE_TYPE, type);
        return type;
    }

    private boolean certificate(String number, String type, List<Problem> problems, Map<String, Object> values) {
        if (number == null) {
            problems.add(Problem.of(CERTIFICATE_NUMBER, Problem.REQUIRED));
            return false;
        }
        if (type == null) {
            return false; // the type's own problem says what to fix first
        }
        String problem = type.equals(CERTIFICATE_USCC) ? CreditCodes.problem(number) : ResidentIds.problem(number, today);
        if (problem != null) {
            problems.add(Problem.of(CERTIFICATE_NUMBER, problem));
            return false;
        }
        values.put(CERTIFICATE_NUMBER, number);
        return true;
    }

    private boolean identity(String number, String field, List<Problem> problems) {
        if (number == null) {
            problems.add(Problem.of(field, Problem.REQUIRED));
            return false;
        }
        String problem = ResidentIds.problem(number, today);
        if (problem != null) {
            problems.add(Problem.of(field, problem));
            return false;
        }
        return true;
    }

    /** An individual's website answers to the individual: the responsible person is the subject. */
    private static void samePerson(Materials m, String certificate, boolean certificateValid, String responsibleId,
            boolean responsibleIdValid, List<Problem> problems) {
        if (certificateValid && responsibleIdValid && !certificate.equals(responsibleId)) {
            problems.add(Problem.of(RESPONSIBLE_ID_NUMBER, Problem.NOT_THE_SUBJECT));
        }
        if (m.subjectName() != null && m.responsibleName() != null
                && !m.subjectName().equals(m.responsibleName())) {
            problems.add(Problem.of(RESPONSIBLE_NAME, Problem.NOT_THE_SUBJECT));
        }
    }

    private static void mobile(String value, List<Problem> problems, Map<String, Object> values) {
        if (value == null) {
            problems.add(Problem.of(RESPONSIBLE_MOBILE, Problem.REQUIRED));
            return;
        }
        String mobile = MobileNumbers.normalise(value);
        if (mobile == null) {
            problems.add(new Problem(RESPONSIBLE_MOBILE, Problem.NOT_A_MOBILE, value));
        } else {
            values.put(RESPONSIBLE_MOBILE, mobile);
        }
    }

    private static void email(String value, List<Problem> problems, Map<String, Object> values) {
        if (value == null) {
            problems.add(Problem.of(RESPONSIBLE_EMAIL, Problem.REQUIRED));
        } else if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            problems.add(new Problem(RESPONSIBLE_EMAIL, Problem.NOT_AN_EMAIL, value));
        } else {
            values.put(RESPONSIBLE_EMAIL, value.toLowerCase(Locale.ROOT));
        }
    }

    private static void websiteName(String value, List<Problem> problems) {
        if (value == null) {
            problems.add(Problem.of(WEBSITE_NAME, Problem.REQUIRED));
        } else if (value.length() > 50) {
            problems.add(Problem.of(WEBSITE_NAME, Problem.TOO_LONG));
        } else if (DIGITS_ONLY.matcher(value).matches() || DomainNames.parse(value) != null) {
            problems.add(new Problem(WEBSITE_NAME, Problem.LOOKS_LIKE_DOMAIN, value));
        }
    }

    /** The domains that pass every check; each that does not is a problem of its own. */
    private List<Domain> domains(String value, List<HostedService> services, long filingId, List<Problem> problems,
            Map<String, Object> values) {
        if (value == null) {
            problems.add(Problem.of(DOMAINS, Problem.REQUIRED));
            return List.of();
        }
        List<String> entries = DomainNames.split(value);
        if (entries.size() > MAX_DOMAINS) {
            problems.add(new Problem(DOMAINS, Problem.TOO_MANY, String.valueOf(MAX_DOMAINS)));
            return List.of();
        }
        Map<String, Domain> parsed = new LinkedHashMap<>();
        List<String> shown = new ArrayList<>();
        for (String entry : entries) {
            Domain domain = DomainNames.parse(entry);
            if (domain == null) {
                problems.add(new Problem(DOMAINS, Problem.NOT_A_DOMAIN, entry));
                shown.add(entry);
            } else if (parsed.putIfAbsent(domain.ascii(), domain) == null) {
                shown.add(domain.unicode());
            }
        }
        values.put(DOMAINS, String.join(", ", shown));
        List<Domain> fit = new ArrayList<>();
        for (Domain domain : parsed.values()) {
            String problem = domainProblem(domain.ascii(), services, filingId);
            if (problem == null) {
                fit.add(domain);
            } else {
                problems.add(new Problem(DOMAINS, problem, domain.unicode()));
            }
        }
        return fit;
    }

    private String domainProblem(String domain, List<HostedService> services, long filingId) {
        boolean hosted = services.stream()
                .anyMatch(service -> service.state() == ServiceState.ACTIVE && service.covers(domain));
        if (!hosted) {
            return Problem.NOT_HOSTED;
        }
        if (registry.filed(domain)) {
            return Problem.ALREADY_FILED;
        }
        if (registry.openFilingOf(domain, filingId).isPresent()) {
            return Problem.IN_OPEN_FILING;
        }
        return null;
    }

    /**
     * The service given, or when none is given the one that must be meant: the only fit hosting
     * service for the filed domains, else the customer's only fit hosting service.
     */
    private static HostedService hosting(Object value, List<HostedService> services, List<Domain> domains,
            List<Problem> problems) {
        Long id = Materials.id(value);
        if (id != null) {
            HostedService service = services.stream().filter(s -> s.id() == id).findFirst().orElse(null);
            String shown = id < 0 ? String.valueOf(value) : String.valueOf(id);
            if (service == null) {
                problems.add(new Problem(HOSTING_SERVICE_ID, Problem.UNKNOWN_SERVICE, shown));
            } else if (!service.hostsWebsites()) {
                problems.add(new Problem(HOSTING_SERVICE_ID, Problem.NOT_HOSTING, shown));
            } else if (service.ended()) {
                problems.add(new Problem(HOSTING_SERVICE_ID, Problem.SERVICE_ENDED, shown));
            } else {
                return service;
            }
            return null;
        }
        List<HostedService> fit = services.stream().filter(s -> s.hostsWebsites() && !s.ended()).toList();
        List<HostedService> forDomains = fit.stream()
                .filter(s -> domains.stream().anyMatch(d -> s.covers(d.ascii()))).toList();
        if (forDomains.size() == 1) {
            return forDomains.get(0);
        }
        if (forDomains.isEmpty() && fit.size() == 1) {
            return fit.get(0);
        }
        problems.add(Problem.of(HOSTING_SERVICE_ID, fit.isEmpty() ? Problem.NOT_HOSTING : Problem.CHOOSE_SERVICE));
        return null;
    }

    private static String compactUpper(String value) {
        return value == null ? null : value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
