-- Requirement guidance (process requirement-guidance): one row per architect's decision, for the
-- ratio report GET /api/reports/requirements. Portable between H2 2.x and PostgreSQL 15.
-- The engine's history keeps the whole analysis; this table keeps what the report counts.
CREATE TABLE requirement_decision (
    process_instance_id VARCHAR(64)   NOT NULL,
    request_key         VARCHAR(20)   NOT NULL,
    customer_id         BIGINT        NOT NULL,
    -- a Camunda user id: the architect who decided
    architect           VARCHAR(64)   NOT NULL,
    proposed_outcome    VARCHAR(32)   NOT NULL,
    decision            VARCHAR(32)   NOT NULL,
    overridden          BOOLEAN       NOT NULL,
    override_reason     VARCHAR(4000),
    decided_at          TIMESTAMP     NOT NULL,
    CONSTRAINT requirement_decision_pk PRIMARY KEY (process_instance_id),
    CONSTRAINT requirement_decision_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT requirement_decision_check CHECK (decision IN
        ('accept-now', 'schedule', 'refuse-with-alternative', 'refer-to-sales'))
);

CREATE INDEX requirement_decision_decided_idx ON requirement_decision (decided_at);
