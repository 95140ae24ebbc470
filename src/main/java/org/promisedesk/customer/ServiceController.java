package org.promisedesk.customer;

import org.promisedesk.platform.InvalidParameter;
import org.promisedesk.platform.Page;
import org.promisedesk.platform.Paging;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The services (subscriptions) of all customers; the table is called subscription. */
@RestController
class ServiceController {

    private final Subscriptions subscriptions;

    ServiceController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping("/api/services")
    Page<Subscription> search(
            @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiringBefore,
            @RequestParam(required = false) ServiceState state,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        var query = new SubscriptionQuery(customerId, expiringBefore, state);
        return subscriptions.search(query, new Paging(page, size));
    }
}
