-- Orders, capacity declarations, reservations and chain schedules (issue 3).

ALTER TABLE link ADD COLUMN transit_seconds BIGINT;
ALTER TABLE event_log ADD COLUMN delivery VARCHAR(12) DEFAULT 'REAL_TIME' NOT NULL;

-- A node's capacity declaration (private to the node), as the validated tree.
CREATE TABLE node_capacity (
    node_id       VARCHAR(64) PRIMARY KEY REFERENCES node (id),
    version       BIGINT      NOT NULL,
    profile_json  TEXT        NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE purchase_order (
    id               VARCHAR(100) PRIMARY KEY,
    buyer_id         VARCHAR(64)  NOT NULL REFERENCES node (id),
    supplier_id      VARCHAR(64)  NOT NULL REFERENCES node (id),
    root_id          VARCHAR(100) NOT NULL,
    parent_id        VARCHAR(100),
    status           VARCHAR(16)  NOT NULL,
    outcome          VARCHAR(32)  NOT NULL,
    priority         VARCHAR(8)   NOT NULL,
    earliest         TIMESTAMP WITH TIME ZONE NOT NULL,
    due              TIMESTAMP WITH TIME ZONE NOT NULL,
    lines_json       TEXT         NOT NULL,
    batch_minimum    DECIMAL(19, 6) NOT NULL,
    batch_multiple   DECIMAL(19, 6) NOT NULL,
    transit_seconds  BIGINT       NOT NULL,
    urgency          DOUBLE PRECISION NOT NULL,
    decision_json    TEXT         NOT NULL,
    content_hash     VARCHAR(64)  NOT NULL,
    revision         INT          NOT NULL,
    placed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    override_by      VARCHAR(64),
    override_reason  VARCHAR(500),
    overridden_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX purchase_order_by_buyer ON purchase_order (buyer_id, placed_at);
CREATE INDEX purchase_order_by_supplier ON purchase_order (supplier_id, status);
CREATE INDEX purchase_order_by_root ON purchase_order (root_id);

-- Hours of an accepted order on a resource on a date; deleted when the order completes or is withdrawn.
CREATE TABLE capacity_reservation (
    order_id     VARCHAR(100) NOT NULL REFERENCES purchase_order (id),
    node_id      VARCHAR(64)  NOT NULL,
    resource_id  VARCHAR(64)  NOT NULL,
    work_date    DATE         NOT NULL,
    hours        DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (order_id, resource_id, work_date)
);
CREATE INDEX capacity_reservation_load ON capacity_reservation (node_id, resource_id, work_date);

-- The derived chain schedule of a root order: one row per node step (placed or, for an infeasible chain, only planned).
CREATE TABLE chain_step (
    root_id             VARCHAR(100) NOT NULL,
    step_key            VARCHAR(100) NOT NULL,
    node_id             VARCHAR(64)  NOT NULL,
    parent_key          VARCHAR(100),
    depth               INT          NOT NULL,
    processing_seconds  BIGINT       NOT NULL,
    transit_seconds     BIGINT       NOT NULL,
    capacity_finish     TIMESTAMP WITH TIME ZONE,
    actual_finish       TIMESTAMP WITH TIME ZONE,
    es                  TIMESTAMP WITH TIME ZONE NOT NULL,
    ef                  TIMESTAMP WITH TIME ZONE NOT NULL,
    ls                  TIMESTAMP WITH TIME ZONE NOT NULL,
    lf                  TIMESTAMP WITH TIME ZONE NOT NULL,
    slack_seconds       BIGINT       NOT NULL,
    placed              BOOLEAN      NOT NULL,
    PRIMARY KEY (root_id, step_key)
);

CREATE TABLE order_receipt (
    order_id           VARCHAR(100) PRIMARY KEY REFERENCES purchase_order (id),
    actual_finish      TIMESTAMP WITH TIME ZONE NOT NULL,
    quantity_json      TEXT         NOT NULL,
    deviation_seconds  BIGINT       NOT NULL,
    tolerance_seconds  BIGINT       NOT NULL,
    reconstructed      BOOLEAN      NOT NULL,
    recorded_by        VARCHAR(64)  NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Committed hours per node, resource and date: the sum of the reservations, kept so a decision reads only its window.
CREATE TABLE capacity_load (
    node_id      VARCHAR(64) NOT NULL,
    resource_id  VARCHAR(64) NOT NULL,
    work_date    DATE        NOT NULL,
    hours        DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (node_id, resource_id, work_date)
);
