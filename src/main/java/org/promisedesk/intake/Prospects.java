package org.promisedesk.intake;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Registers a contact nobody knew as a new customer (a prospect: no services yet) in the
 * {@code customer} table, so that every message of the request can reach them.
 */
@Repository
class Prospects {

    private final JdbcClient jdbc;

    Prospects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Prospect(String name, String kind, String email, String phone, String imHandle, String language) {
    }

    long register(Prospect prospect) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO customer (name, kind, email, phone, im_handle, preferred_language, service_profile)
                VALUES (:name, :kind, :email, :phone, :im, :language, 'DEPENDENT')
                """)
                .param("name", prospect.name())
                .param("kind", prospect.kind())
                .param("email", prospect.email() == null ? null : prospect.email().toLowerCase(Locale.ROOT))
                .param("phone", prospect.phone() == null ? null : prospect.phone().replaceAll("[\\s()\\-]", ""))
                .param("im", prospect.imHandle())
                .param("language", prospect.language())
                .update(keys, "id");
        return keys.getKey().longValue();
    }
}
