package org.promisedesk.customer;

import java.util.Locale;

/**
 * A customer. {@code email} is stored lower-case, {@code phone} in E.164 form without spaces
 * ({@code +8613800000007}); {@code preferredLanguage} is {@code zh-CN} or {@code en};
 * {@code accountManager} is a Camunda user id.
 */
public record Customer(
        long id,
        String name,
        CustomerKind kind,
        String email,
        String phone,
        String imHandle,
        String preferredLanguage,
        ServiceProfile serviceProfile,
        String accountManager) {

    public Locale locale() {
        return Locale.forLanguageTag(preferredLanguage);
    }
}
