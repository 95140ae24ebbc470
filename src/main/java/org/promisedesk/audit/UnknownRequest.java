package org.promisedesk.audit;

import org.promisedesk.platform.NotFound;

/** No process instance carries this request key. */
class UnknownRequest extends NotFound {

    UnknownRequest(String key) {
        super("Unknown request", "No request " + key + " is known.");
    }
}
