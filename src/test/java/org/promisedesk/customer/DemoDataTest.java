package org.promisedesk.customer;

import org.promisedesk.platform.InvalidParameter;
import org.promisedesk.platform.Page;
import org.promisedesk.platform.Paging;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class DemoDataTest {

    @Autowired
    Customers customers;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    DemoCustomers demoCustomers;

    @Test
    void hasTwentyTwoCustomersOfEveryKindProfileAndLanguage() {
        List<Customer> all = allCustomers();

        assertThat(all).hasSize(22);
        assertThat(all).extracting(Customer::kind).containsAll(EnumSet.allOf(CustomerKind.class));
        assertThat(all).extracting(Customer::serviceProfile).containsAll(EnumSet.allOf(ServiceProfile.class));
        assertThat(all).extracting(Customer::preferredLanguage).containsOnly("zh-CN", "en").contains("zh-CN", "en");
        assertThat(all).extracting(Customer::accountManager).containsOnly("sales", "lead", null);
    }

    @Test
    void wellKnownCustomers() {
        assertThat(customers.findById(1)).get().satisfies(c -> {
            assertThat(c.email()).isEqualTo("it@northwind.example");
            assertThat(c.kind()).isEqualTo(CustomerKind.ENTERPRISE);
            assertThat(c.preferredLanguage()).isEqualTo("en");
        });
        assertThat(customers.findById(2)).get().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CustomerKind.ENTERPRISE);
            assertThat(c.serviceProfile()).isEqualTo(ServiceProfile.VIP);
            assertThat(c.preferredLanguage()).isEqualTo("zh-CN");
        });
    }

    @Test
    void hasFiftyServicesOfEveryTypeAndState() {
        List<Subscription> all = allSubscriptions();

        assertThat(all).hasSize(50);
        assertThat(all).extracting(Subscription::type).containsAll(EnumSet.allOf(ServiceType.class));
        assertThat(all).extracting(Subscription::state).containsAll(EnumSet.allOf(ServiceState.class));
        Set<Long> customerIds = allCustomers().stream().map(Customer::id).collect(Collectors.toSet());
        assertThat(all).extracting(Subscription::customerId).containsOnly(customerIds.toArray(Long[]::new));
    }

    @Test
    void expiryDatesAreRelativeToTodayAndConsistentWithTheState() {
        LocalDate today = LocalDate.now();
        List<Subscription> all = allSubscriptions();

        assertThat(all).filteredOn(s -> s.state() == ServiceState.ACTIVE)
                .allSatisfy(s -> assertThat(s.expiryDate()).isAfterOrEqualTo(today));
        assertThat(all).filteredOn(s -> s.state() == ServiceState.EXPIRED)
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.expiryDate()).isBefore(today));
        assertThat(all).filteredOn(s -> s.state() == ServiceState.ACTIVE && s.expiryDate().isBefore(today.plusDays(31)))
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(all).allSatisfy(s -> assertThat(s.startDate()).isBefore(today));
        assertThat(subscriptions.findById(1)).get()
                .extracting(Subscription::expiryDate).isEqualTo(today.plusDays(12));
    }

    @Test
    void loadingAgainChangesNothing() throws Exception {
        demoCustomers.run(null);

        assertThat(customers.search(null, new Paging(0, 1)).total()).isEqualTo(22);
        assertThat(subscriptions.search(SubscriptionQuery.all(), new Paging(0, 1)).total()).isEqualTo(50);
    }

    private List<Customer> allCustomers() {
        return customers.search(null, new Paging(0, 100)).items();
    }

    private List<Subscription> allSubscriptions() {
        return subscriptions.search(SubscriptionQuery.all(), new Paging(0, 100)).items();
    }
}
