package org.promisedesk.customer;

import org.promisedesk.platform.NotFound;

class UnknownCustomer extends NotFound {

    UnknownCustomer(long id) {
        super("Unknown customer", "No customer with id " + id);
    }
}
