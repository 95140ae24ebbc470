package org.promisedesk.customer;

import org.promisedesk.platform.InvalidParameter;
import org.promisedesk.platform.Page;
import org.promisedesk.platform.Paging;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private static final int MAX_QUERY_LENGTH = 100;

    private final Customers customers;
    private final Subscriptions subscriptions;

    CustomerController(Customers customers, Subscriptions subscriptions) {
        this.customers = customers;
        this.subscriptions = subscriptions;
    }

    @GetMapping
    Page<Customer> search(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidParameter("q", "must not be longer than " + MAX_QUERY_LENGTH + " characters");
        }
        return customers.search(q, new Paging(page, size));
    }

    @GetMapping("/{id}")
    CustomerWithServices get(@PathVariable long id) {
        Customer customer = customers.findById(id).orElseThrow(() -> new UnknownCustomer(id));
        return new CustomerWithServices(customer, subscriptions.findByCustomer(id));
    }

    record CustomerWithServices(@JsonUnwrapped Customer customer, List<Subscription> services) {
    }
}
