-- Satisfaction survey answers of closed requests (intake). Portable between H2 2.x and PostgreSQL 15.
-- One answer per request; channel says how the answer reached us: email (a reply) or agent (recorded in Tasklist).
CREATE TABLE request_satisfaction (
    request_key   VARCHAR(20)   PRIMARY KEY,
    customer_id   BIGINT        NOT NULL,
    score         INTEGER       NOT NULL,
    comment       VARCHAR(2000),
    answered_at   TIMESTAMP     NOT NULL,
    channel       VARCHAR(20)   NOT NULL,
    request_class VARCHAR(30),
    CONSTRAINT request_satisfaction_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT request_satisfaction_score_check CHECK (score BETWEEN 1 AND 5),
    CONSTRAINT request_satisfaction_channel_check CHECK (channel IN ('email', 'agent'))
);

CREATE INDEX request_satisfaction_answered_idx ON request_satisfaction (answered_at);
