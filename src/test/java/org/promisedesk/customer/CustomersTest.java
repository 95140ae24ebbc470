package org.promisedesk.customer;

import org.promisedesk.platform.InvalidParameter;
import org.promisedesk.platform.Page;
import org.promisedesk.platform.Paging;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

@EngineTest
class CustomersTest {

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsById() {
        assertThat(customers.findById(1)).get().extracting(Customer::name).isEqualTo("Northwind Traders Ltd");
        assertThat(customers.findById(999_999)).isEmpty();
    }

    @Test
    void findsByEmailIgnoringCase() {
        assertThat(customers.findByEmail(" IT@Northwind.Example ")).get().extracting(Customer::id).isEqualTo(1L);
        assertThat(customers.findByEmail("nobody@northwind.example")).isEmpty();
    }

    @Test
    void findsByPhoneIgnoringFormatting() {
        assertThat(customers.findByPhone("+86 138-0000-0007")).get().extracting(Customer::name).isEqualTo("王磊");
        assertThat(customers.findByPhone("+86 138 0000 9999")).isEmpty();
    }

    @Test
    void findsByImHandle() {
        assertThat(customers.findByImHandle("wx:yunfan_ops")).get().extracting(Customer::id).isEqualTo(2L);
    }

    @Test
    void searchesNameEmailPhoneAndImHandle() {
        assertThat(search("northwind")).extracting(Customer::id).containsExactly(1L);
        assertThat(search("云帆")).extracting(Customer::id).containsExactly(2L);
        assertThat(search("138 0000")).extracting(Customer::name).containsExactly("王磊");
        assertThat(search("TELEGRAM:")).extracting(Customer::name).containsExactly("Tom Becker");
        assertThat(search("no such customer")).isEmpty();
    }

    @Test
    void searchTakesWildcardsLiterally() {
        assertThat(search("%")).isEmpty();
        List<Customer> all = customers.search(null, new Paging(0, 100)).items();
        assertThat(search("_")).isNotEmpty().hasSizeLessThan(all.size())
                .allSatisfy(c -> assertThat(c.name() + c.email() + c.imHandle()).contains("_"));
    }

    @Test
    @Transactional
    void searchFindsPercentSignInName() {
        jdbc.sql("INSERT INTO customer (name, kind, preferred_language, service_profile)"
                        + " VALUES ('100% Uptime Ltd', 'RESELLER', 'en', 'SELF_RELIANT')")
                .update();

        assertThat(search("100%")).extracting(Customer::name).containsExactly("100% Uptime Ltd");
        assertThat(search("100%").get(0).id()).isGreaterThan(1000);
    }

    @Test
    void pagesInIdOrder() {
        Page<Customer> second = customers.search(null, new Paging(1, 5));

        assertThat(second.total()).isEqualTo(22);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(5);
        assertThat(second.items()).extracting(Customer::id).containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThat(customers.search(null, new Paging(4, 5)).items()).hasSize(2);
        assertThat(customers.search(null, new Paging(5, 5)).items()).isEmpty();
    }

    @Test
    void rejectsBadPaging() {
        assertThatThrownBy(() -> new Paging(-1, 20)).isInstanceOf(InvalidParameter.class)
                .satisfies(e -> assertThat(((InvalidParameter) e).parameters()).containsExactly("page"));
        assertThatThrownBy(() -> new Paging(0, 101)).isInstanceOf(InvalidParameter.class)
                .satisfies(e -> assertThat(((InvalidParameter) e).parameters()).containsExactly("size"));
    }

    private List<Customer> search(String text) {
        return customers.search(text, new Paging(0, 100)).items();
    }
}
