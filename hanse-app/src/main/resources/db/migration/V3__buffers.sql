-- Distributed inventory buffers (issue 4): append-only stock history, buffer settings and state, holds, transfers, warning responses.

CREATE TABLE stock_movement (
    id            VARCHAR(100)   PRIMARY KEY,
    node_id       VARCHAR(64)    NOT NULL REFERENCES node (id),
    material      VARCHAR(40)    NOT NULL,
    kind          VARCHAR(16)    NOT NULL,
    quantity      DECIMAL(19, 6) NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    order_id      VARCHAR(100),
    counterparty  VARCHAR(64),
    note          VARCHAR(200),
    content_hash  VARCHAR(64)    NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stock_movement_by_buffer ON stock_movement (node_id, material, occurred_at);

CREATE TABLE buffer_settings (
    node_id                    VARCHAR(64) PRIMARY KEY REFERENCES node (id),
    service_level              DOUBLE PRECISION NOT NULL,
    reaction_lag_seconds       BIGINT NOT NULL,
    lot_days                   DOUBLE PRECISION NOT NULL,
    period_seconds             BIGINT NOT NULL,
    default_lead_time_seconds  BIGINT NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Last zone and warning state per buffer, and when its last state vector went out.
CREATE TABLE buffer_state (
    node_id         VARCHAR(64) NOT NULL REFERENCES node (id),
    material        VARCHAR(40) NOT NULL,
    zone            VARCHAR(8)  NOT NULL,
    warning         BOOLEAN     NOT NULL,
    last_vector_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (node_id, material)
);

CREATE TABLE stock_hold (
    id           VARCHAR(100) PRIMARY KEY,
    node_id      VARCHAR(64)  NOT NULL,
    material     VARCHAR(40)  NOT NULL,
    order_id     VARCHAR(100) NOT NULL,
    direction    VARCHAR(8)   NOT NULL,
    reason       VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX stock_hold_by_buffer ON stock_hold (node_id, material);

CREATE TABLE emergency_transfer (
    id            VARCHAR(100)   PRIMARY KEY,
    requester_id  VARCHAR(64)    NOT NULL,
    peer_id       VARCHAR(64)    NOT NULL,
    material      VARCHAR(40)    NOT NULL,
    quantity      DECIMAL(19, 6) NOT NULL,
    status        VARCHAR(12)    NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE warning_response (
    id                VARCHAR(100) PRIMARY KEY,
    node_id           VARCHAR(64)  NOT NULL,
    warning_event_id  VARCHAR(100) NOT NULL,
    action            VARCHAR(24)  NOT NULL,
    detail_json       TEXT         NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Forecast errors a downstream node shares with a supplier for a material (the supplier then uses them as σ_d).
CREATE TABLE forecast_share (
    downstream_id   VARCHAR(64) NOT NULL,
    upstream_id     VARCHAR(64) NOT NULL,
    material        VARCHAR(40) NOT NULL,
    forecast_error  DOUBLE PRECISION NOT NULL,
    shared_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (downstream_id, upstream_id, material)
);

-- The last proxy estimate a supplier published for a buyer without inventory-notify.
CREATE TABLE proxy_estimate (
    subject_id   VARCHAR(64) NOT NULL,
    supplier_id  VARCHAR(64) NOT NULL,
    material     VARCHAR(40) NOT NULL,
    position     DOUBLE PRECISION NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subject_id, supplier_id, material)
);
