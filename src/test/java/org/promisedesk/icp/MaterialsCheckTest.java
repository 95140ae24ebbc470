package org.promisedesk.icp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promisedesk.icp.IcpFilingProcess.CERTIFICATE_NUMBER;
import static org.promisedesk.icp.IcpFilingProcess.CERTIFICATE_TYPE;
import static org.promisedesk.icp.IcpFilingProcess.DOMAINS;
import static org.promisedesk.icp.IcpFilingProcess.HOSTING_SERVICE_ID;
import static org.promisedesk.icp.IcpFilingProcess.RESPONSIBLE_EMAIL;
import static org.promisedesk.icp.IcpFilingProcess.RESPONSIBLE_ID_NUMBER;
import static org.promisedesk.icp.IcpFilingProcess.RESPONSIBLE_MOBILE;
import static org.promisedesk.icp.IcpFilingProcess.RESPONSIBLE_NAME;
import static org.promisedesk.icp.IcpFilingProcess.SUBJECT_NAME;
import static org.promisedesk.icp.IcpFilingProcess.SUBJECT_TYPE;
import static org.promisedesk.icp.IcpFilingProcess.WEBSITE_NAME;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.promisedesk.customer.ServiceState;
import org.promisedesk.customer.ServiceType;

/** The automatic check, field by field, against a registry of services and filings kept in the test. */
class MaterialsCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final long CUSTOMER = 7;
    private static final String USCC = CheckDigits.uscc("310115", "12345678");
    private static final String ID = CheckDigits.residentId("310104", LocalDate.of(1985, 6, 15), "123");

    private final List<HostedService> services = new ArrayList<>(List.of(
            service(101, ServiceType.VIRTUAL_HOST, "www.shop.example.cn", "192.0.2.10", ServiceState.ACTIVE, null),
            service(102, ServiceType.DOMAIN, "shop.example.cn", null, ServiceState.ACTIVE, null),
            service(103, ServiceType.DOMAIN, "xn--fsqu00a.cn", null, ServiceState.ACTIVE, null),
            service(104, ServiceType.DOMAIN, "old.example.cn", null, ServiceState.EXPIRED, null),
            service(105, ServiceType.DOMAIN, "filed.example.cn", null, ServiceState.ACTIVE, "沪ICP备2020031415号"),
            service(106, ServiceType.DOMAIN, "busy.example.cn", null, ServiceState.ACTIVE, null),
            service(107, ServiceType.DATABASE_SUPPORT, null, "192.0.2.11", ServiceState.ACTIVE, null),
            service(108, ServiceType.CLOUD_VM, null, "192.0.2.12", ServiceState.CANCELLED, null)));
    private final Set<String> filed = Set.of("filed.example.cn");
    private final Map<String, String> openFilings = Map.of("busy.example.cn", "filing 9 of request REQ-2026-000009");

    private final MaterialsCheck check = new MaterialsCheck(new MaterialsCheck.Registry() {
        @Override
        public List<HostedService> servicesOf(long customerId) {
            return customerId == CUSTOMER ? services : List.of();
        }

        @Override
        public boolean filed(String domain) {
            return filed.stream().anyMatch(name -> DomainNames.within(domain, name));
        }

        @Override
        public Optional<String> openFilingOf(String domain, long exceptFilingId) {
            return Optional.ofNullable(openFilings.get(domain));
        }
    }, TODAY);

    @Test
    void shouldPassCompleteEnterpriseMaterialsAndNormaliseThem() {
        Map<String, Object> m = enterprise();
        m.put(CERTIFICATE_NUMBER, " " + USCC.toLowerCase() + " ");
        m.put(RESPONSIBLE_MOBILE, "+86 138-0013-8000");
        m.put(RESPONSIBLE_EMAIL, "Li.Wei@Example.CN");
        m.put(DOMAINS, "Shop.Example.CN，例子.cn\nshop.example.cn");

        MaterialsCheck.Result result = check(m);

        assertThat(result.problems()).isEmpty();
        assertThat(result.values()).containsEntry(CERTIFICATE_NUMBER, USCC).containsEntry(CERTIFICATE_TYPE, "uscc")
                .containsEntry(RESPONSIBLE_MOBILE, "13800138000").containsEntry(RESPONSIBLE_EMAIL, "li.wei@example.cn")
                .containsEntry(DOMAINS, "shop.example.cn, 例子.cn").containsEntry(HOSTING_SERVICE_ID, 101L);
        assertThat(result.reserved()).containsExactly("shop.example.cn", "xn--fsqu00a.cn");
        assertThat(result.hosting().ipAddress()).isEqualTo("192.0.2.10");
    }

    @Test
    void shouldPassAnIndividualFilingByTheSubjectThemself() {
        Map<String, Object> m = enterprise();
        m.put(SUBJECT_TYPE, "individual");
        m.put(SUBJECT_NAME, "陈静");
        m.put(CERTIFICATE_NUMBER, ID);
        m.put(RESPONSIBLE_NAME, "陈静");
        m.put(RESPONSIBLE_ID_NUMBER, ID);
        m.put(HOSTING_SERVICE_ID, 101.0); // a form's number field

        MaterialsCheck.Result result = check(m);

        assertThat(result.problems()).isEmpty();
        assertThat(result.values()).containsEntry(CERTIFICATE_TYPE, "resident-id");
    }

    @Test
    void shouldNameEveryMissingField() {
        MaterialsCheck.Result result = check(new HashMap<>());

        assertThat(result.problems()).extracting(Problem::field).containsExactly(SUBJECT_TYPE, SUBJECT_NAME,
                CERTIFICATE_NUMBER, RESPONSIBLE_NAME, RESPONSIBLE_ID_NUMBER, RESPONSIBLE_MOBILE, RESPONSIBLE_EMAIL,
                WEBSITE_NAME, DOMAINS);
        assertThat(result.problems()).extracting(Problem::code).containsOnly(Problem.REQUIRED);
        assertThat(result.hosting().id()).as("the customer's only hosting service").isEqualTo(101);
        assertThat(result.valid()).isFalse();
    }

    @Test
    void shouldNameEachWrongFieldWithWhatIsWrong() {
        Map<String, Object> m = enterprise();
        m.put(CERTIFICATE_NUMBER, CheckDigits.wrongLast(USCC, CreditCodes.CHARSET));
        m.put(RESPONSIBLE_ID_NUMBER, CheckDigits.residentId("310104", TODAY.minusYears(17), "123"));
        m.put(RESPONSIBLE_MOBILE, "12345");
        m.put(RESPONSIBLE_EMAIL, "li.wei at example.cn");
        m.put(WEBSITE_NAME, "shop.example.cn");

        assertThat(check(m).problems()).containsExactly(
                Problem.of(CERTIFICATE_NUMBER, Problem.CHECK_DIGIT),
                Problem.of(RESPONSIBLE_ID_NUMBER, Problem.TOO_YOUNG),
                new Problem(RESPONSIBLE_MOBILE, Problem.NOT_A_MOBILE, "12345"),
                new Problem(RESPONSIBLE_EMAIL, Problem.NOT_AN_EMAIL, "li.wei at example.cn"),
                new Problem(WEBSITE_NAME, Problem.LOOKS_LIKE_DOMAIN, "shop.example.cn"));
    }

    @Test
    void shouldNameEachDomainThatCannotBeFiled() {
        Map<String, Object> m = enterprise();
        m.put(DOMAINS, "shop.example.cn, http://bad, other.example.cn, old.example.cn, www.filed.example.cn, busy.example.cn");

        MaterialsCheck.Result result = check(m);

        assertThat(result.problems()).containsExactly(
                new Problem(DOMAINS, Problem.NOT_A_DOMAIN, "http://bad"),
                new Problem(DOMAINS, Problem.NOT_HOSTED, "other.example.cn"),
                new Problem(DOMAINS, Problem.NOT_HOSTED, "old.example.cn"),
                new Problem(DOMAINS, Problem.ALREADY_FILED, "www.filed.example.cn"),
                new Problem(DOMAINS, Problem.IN_OPEN_FILING, "busy.example.cn"));
        assertThat(result.reserved()).as("the filing still holds the good one").containsExactly("shop.example.cn");
    }

    @Test
    void shouldRefuseMoreThanTenDomains() {
        Map<String, Object> m = enterprise();
        m.put(DOMAINS, String.join(",", java.util.Collections.nCopies(11, "shop.example.cn")));

        assertThat(check(m).problems()).containsExactly(new Problem(DOMAINS, Problem.TOO_MANY, "10"));
    }

    @Test
    void shouldCheckTheHostingService() {
        assertThat(problemsWithHosting(999L)).containsExactly(new Problem(HOSTING_SERVICE_ID, Problem.UNKNOWN_SERVICE, "999"));
        assertThat(problemsWithHosting(102L)).containsExactly(new Problem(HOSTING_SERVICE_ID, Problem.NOT_HOSTING, "102"));
        assertThat(problemsWithHosting(107L)).containsExactly(new Problem(HOSTING_SERVICE_ID, Problem.NOT_HOSTING, "107"));
        assertThat(problemsWithHosting(108L)).containsExactly(new Problem(HOSTING_SERVICE_ID, Problem.SERVICE_ENDED, "108"));
        assertThat(problemsWithHosting("web server")).containsExactly(
                new Problem(HOSTING_SERVICE_ID, Problem.UNKNOWN_SERVICE, "web server"));

        services.add(service(109, ServiceType.CLOUD_VM, null, "192.0.2.13", ServiceState.SUSPENDED, null));
        Map<String, Object> m = enterprise();
        m.put(DOMAINS, "例子.cn");
        assertThat(check(m).problems()).as("two hosting services, none for the domain")
                .containsExactly(Problem.of(HOSTING_SERVICE_ID, Problem.CHOOSE_SERVICE));
        assertThat(problemsWithHosting(109L)).as("suspended until the filing is approved: fine").isEmpty();
    }

    @Test
    void shouldMatchSubjectTypeCertificateTypeAndPerson() {
        Map<String, Object> m = enterprise();
        m.put(CERTIFICATE_TYPE, "resident-id");
        assertThat(check(m).problems()).containsExactly(Problem.of(CERTIFICATE_TYPE, Problem.TYPE_MISMATCH));

        m = enterprise();
        m.put(SUBJECT_TYPE, "government");
        assertThat(check(m).problems()).containsExactly(Problem.of(SUBJECT_TYPE, Problem.UNKNOWN_VALUE));

        m = enterprise();
        m.put(SUBJECT_TYPE, "individual");
        m.put(SUBJECT_NAME, "陈静");
        m.put(CERTIFICATE_NUMBER, CheckDigits.residentId("110105", LocalDate.of(1990, 3, 8), "044"));
        assertThat(check(m).problems()).containsExactly(Problem.of(RESPONSIBLE_ID_NUMBER, Problem.NOT_THE_SUBJECT),
                Problem.of(RESPONSIBLE_NAME, Problem.NOT_THE_SUBJECT));
    }

    @Test
    void shouldWriteLinesForTheTemplateAndSentencesForAgents() {
        Problem problem = new Problem(DOMAINS, Problem.NOT_HOSTED, "a.example.cn\nb");
        assertThat(problem.line()).isEqualTo("domains|not-hosted|a.example.cn b");
        assertThat(problem.describe()).isEqualTo("domains 'a.example.cn\nb' is not on one of the customer's active services");
        assertThat(Problem.of(SUBJECT_NAME, Problem.REQUIRED).line()).isEqualTo("subjectName|required");
    }

    private List<Problem> problemsWithHosting(Object hosting) {
        Map<String, Object> m = enterprise();
        m.put(HOSTING_SERVICE_ID, hosting);
        return check(m).problems();
    }

    private MaterialsCheck.Result check(Map<String, Object> materials) {
        return check.check(Materials.from(materials::get), CUSTOMER, 1);
    }

    private static Map<String, Object> enterprise() {
        Map<String, Object> m = new HashMap<>();
        m.put(SUBJECT_TYPE, "enterprise");
        m.put(SUBJECT_NAME, "上海示例网络科技有限公司");
        m.put(CERTIFICATE_NUMBER, USCC);
        m.put(RESPONSIBLE_NAME, "李伟");
        m.put(RESPONSIBLE_ID_NUMBER, ID);
        m.put(RESPONSIBLE_MOBILE, "13800138000");
        m.put(RESPONSIBLE_EMAIL, "liwei@example.cn");
        m.put(WEBSITE_NAME, "示例商城");
        m.put(DOMAINS, "shop.example.cn");
        return m;
    }

    private static HostedService service(long id, ServiceType type, String domain, String ip, ServiceState state,
            String icpNumber) {
        return new HostedService(id, CUSTOMER, type, domain, ip, state, icpNumber);
    }
}
