package org.promisedesk.audit;

import java.util.List;

/** A kind of record the trail is made of; every bean implementing it contributes its entries. */
interface AuditSource {

    List<AuditEntry> entries(RequestInstances request);
}
