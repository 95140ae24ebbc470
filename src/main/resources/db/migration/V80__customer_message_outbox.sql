-- Customer e-mail leaves the engine's transactions (docs/messaging.md, "Delivery"): the process
-- step only queues the message (PENDING) in its own transaction; a sender hands it to the SMTP
-- server after that commit, and again on a schedule until the server takes it.
--   PENDING  queued, or the last attempt failed: next_attempt_at says when to try again
--   SENDING  a sender holds it until claimed_until (its lease); past that the attempt is taken as
--            crashed, and the next sender asks the archive before it sends the same message again
--   SENT     the server took it
ALTER TABLE customer_message ADD COLUMN next_attempt_at TIMESTAMP;
ALTER TABLE customer_message ADD COLUMN claimed_until TIMESTAMP;
ALTER TABLE customer_message ADD COLUMN last_error VARCHAR(1000);
-- true when the last failed attempt may still have reached the server (the connection broke after
-- it was open): the next sender asks the archive first. False when no server took the connection.
ALTER TABLE customer_message ADD COLUMN outcome_unknown BOOLEAN DEFAULT FALSE NOT NULL;
-- the Cockpit incident raised when the retry schedule ran out (resolved once the message is sent)
ALTER TABLE customer_message ADD COLUMN incident_id VARCHAR(64);
ALTER TABLE customer_message DROP CONSTRAINT customer_message_state_check;
ALTER TABLE customer_message ADD CONSTRAINT customer_message_state_check
    CHECK (state IN ('PENDING', 'SENDING', 'SENT'));
CREATE INDEX customer_message_unsent_idx ON customer_message (state, next_attempt_at);
