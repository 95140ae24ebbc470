package org.promisedesk.intake;

import java.net.URI;
import java.util.function.Supplier;

import org.promisedesk.platform.InvalidParameter;
import org.promisedesk.platform.NotFound;
import org.promisedesk.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/requests} opens a request: {@code 201 {key}} with its location, the intake
 * process running under that key; one 400 naming every bad field (nothing started, no key taken), 403 for groups that may
 * not open requests. With an {@code Idempotency-Key} the same call again answers {@code 200} with
 * the same key and opens nothing ({@link IdempotentOpenings}). {@code GET /api/requests/{key}}: its state, what it waits for and its open
 * promises ({@link RequestStatus}); 400 for a malformed key, 404 for an unknown one.
 */
@RestController
@RequestMapping("/api/requests")
class RequestController {

    record RequestOpened(String key) {
    }

    private final RequestAccess access;
    private final RequestOpening opening;
    private final RequestStatus status;
    private final RequestKeySequence keys;
    private final IdempotentOpenings idempotent;

    RequestController(RequestAccess access, RequestOpening opening, RequestStatus status, RequestKeySequence keys,
            IdempotentOpenings idempotent) {
        this.access = access;
        this.opening = opening;
        this.status = status;
        this.keys = keys;
        this.idempotent = idempotent;
    }

    @PostMapping
    ResponseEntity<RequestOpened> open(@RequestBody JsonNode body,
            @RequestHeader(name = IdempotentOpenings.HEADER, required = false) String idempotencyKey) {
        access.requireOpener();
        Problems problems = new Problems();
        RequestSubmission request = RequestSubmission.of(body, problems);
        if (idempotencyKey != null) {
            idempotent.checkKey(idempotencyKey, problems);
        }
        RequestOpening.Contact contact = opening.contactOf(request, problems);
        Supplier<String> open = () -> opening.open(contact);
        if (idempotencyKey == null) {
            return opened(open.get(), HttpStatus.CREATED);
        }
        IdempotentOpenings.Opening result = idempotent.open(access.userId(), idempotencyKey, body.toString(), open);
        return opened(result.requestKey(), result.isNew() ? HttpStatus.CREATED : HttpStatus.OK);
    }

    private static ResponseEntity<RequestOpened> opened(String key, HttpStatus status) {
        return ResponseEntity.status(status).location(URI.create("/api/requests/" + key)).body(new RequestOpened(key));
    }

    @GetMapping("/{key}")
    RequestView get(@PathVariable String key) {
        access.requireReader();
        if (!keys.isValid(key)) {
            throw new InvalidParameter("key", "must be a request key like REQ-2026-000123");
        }
        return access.unrestricted(() -> status.of(key))
                .orElseThrow(() -> new NotFound("Unknown request", "No request with key " + key));
    }
}
