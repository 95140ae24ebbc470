package org.promisedesk.customer;

class UnknownCustomer extends RuntimeException {

    UnknownCustomer(long id) {
        super("No customer with id " + id);
    }
}
