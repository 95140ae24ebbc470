package org.promisedesk.customer;

import org.promisedesk.platform.InvalidParameter;
import org.promisedesk.platform.Page;
import org.promisedesk.platform.Paging;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;

import org.junit.jupiter.api.Test;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class SubscriptionsTest {

    @Autowired
    Subscriptions subscriptions;

    @Test
    void findsById() {
        assertThat(subscriptions.findById(5)).get().satisfies(s -> {
            assertThat(s.customerId()).isEqualTo(2);
            assertThat(s.type()).isEqualTo(ServiceType.DEDICATED_RENTAL);
            assertThat(s.domain()).isEqualTo("shop.yunfan.example.cn");
            assertThat(s.monthlyPrice()).isEqualByComparingTo(new BigDecimal("6800.00"));
            assertThat(s.icpNumber()).isEqualTo("沪ICP备2020031415号-1");
        });
        assertThat(subscriptions.findById(999_999)).isEmpty();
    }

    @Test
    void findsByCustomerInExpiryOrder() {
        assertThat(subscriptions.findByCustomer(1))
                .hasSize(4)
                .allSatisfy(s -> assertThat(s.customerId()).isEqualTo(1))
                .isSortedAccordingTo(Comparator.comparing(Subscription::expiryDate));
        assertThat(subscriptions.findByCustomer(999_999)).isEmpty();
    }

    @Test
    void searchesServicesExpiringBeforeADate() {
        LocalDate in30Days = LocalDate.now().plusDays(30);

        Page<Subscription> page = subscriptions.search(
                new SubscriptionQuery(null, in30Days, ServiceState.ACTIVE), new Paging(0, 100));

        assertThat(page.items()).hasSize((int) page.total()).isNotEmpty()
                .allSatisfy(s -> {
                    assertThat(s.expiryDate()).isBefore(in30Days);
                    assertThat(s.state()).isEqualTo(ServiceState.ACTIVE);
                })
                .isSortedAccordingTo(Comparator.comparing(Subscription::expiryDate).thenComparing(Subscription::id));
    }

    @Test
    void combinesCustomerAndDatePages() {
        Page<Subscription> all = subscriptions.search(new SubscriptionQuery(2L, null, null), new Paging(0, 2));
        Page<Subscription> soon = subscriptions.search(
                new SubscriptionQuery(2L, LocalDate.now().plusDays(30), null), new Paging(0, 2));

        assertThat(all.total()).isEqualTo(5);
        assertThat(all.items()).hasSize(2);
        assertThat(soon.total()).isEqualTo(1);
        assertThat(soon.items()).extracting(Subscription::id).containsExactly(7L);
    }
}
