-- Trust from short-term reciprocity (issue 6): rated interactions, negotiated parameters, penalties, levels and history.

-- One delivered and inspected logistics unit, rated by its buyer (truster) about its supplier (trustee).
CREATE TABLE trust_interaction (
    shipment_id   VARCHAR(100) NOT NULL,
    line_no       INT          NOT NULL,
    truster_id    VARCHAR(64)  NOT NULL,
    trustee_id    VARCHAR(64)  NOT NULL,
    order_id      VARCHAR(100) NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    lateness_s    BIGINT       NOT NULL,
    lead_time_s   BIGINT       NOT NULL,
    punctuality   DOUBLE PRECISION NOT NULL,
    qualified     DOUBLE PRECISION NOT NULL,
    messages      INT          NOT NULL,
    confirmed     INT          NOT NULL,
    information   DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (shipment_id, line_no)
);
CREATE INDEX trust_interaction_by_pair ON trust_interaction (truster_id, trustee_id, occurred_at);

-- A status message of a supplier about an order that proved false: a time-out or a contradiction reported by a neighbour.
CREATE TABLE trust_information_fault (
    event_id     VARCHAR(100) PRIMARY KEY,
    trustee_id   VARCHAR(64)  NOT NULL,
    order_id     VARCHAR(100) NOT NULL,
    kind         VARCHAR(30)  NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX trust_fault_by_order ON trust_information_fault (order_id);

-- Each side's proposal of promised levels and weights for a pair (buyer, supplier); equal proposals are agreed.
CREATE TABLE trust_parameter_proposal (
    buyer_id     VARCHAR(64) NOT NULL,
    supplier_id  VARCHAR(64) NOT NULL,
    proposer_id  VARCHAR(64) NOT NULL,
    promised_p   DOUBLE PRECISION NOT NULL,
    promised_q   DOUBLE PRECISION NOT NULL,
    promised_i   DOUBLE PRECISION NOT NULL,
    weight_p     DOUBLE PRECISION NOT NULL,
    weight_q     DOUBLE PRECISION NOT NULL,
    weight_i     DOUBLE PRECISION NOT NULL,
    proposed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (buyer_id, supplier_id, proposer_id)
);

-- Penalties: reported by the truster, disputable by the trustee, decided by the operator; every step is kept.
CREATE TABLE trust_penalty (
    id            VARCHAR(100) PRIMARY KEY,
    truster_id    VARCHAR(64)  NOT NULL,
    trustee_id    VARCHAR(64)  NOT NULL,
    kind          VARCHAR(30)  NOT NULL,
    order_id      VARCHAR(100),
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    concealed_s   BIGINT       NOT NULL,
    lead_time_s   BIGINT       NOT NULL,
    asymmetry     DOUBLE PRECISION NOT NULL,
    evidence      VARCHAR(2000) NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    content_hash  VARCHAR(64)  NOT NULL,
    reported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    dispute_until TIMESTAMP WITH TIME ZONE NOT NULL,
    disputed_at   TIMESTAMP WITH TIME ZONE,
    dispute_reason VARCHAR(2000),
    decided_at    TIMESTAMP WITH TIME ZONE,
    decided_by    VARCHAR(100),
    decision_note VARCHAR(2000)
);
CREATE INDEX trust_penalty_by_pair ON trust_penalty (truster_id, trustee_id);

-- The current trust and sharing level of each directed pair (hysteresis needs the last level).
CREATE TABLE trust_state (
    truster_id  VARCHAR(64) NOT NULL,
    trustee_id  VARCHAR(64) NOT NULL,
    trust       DOUBLE PRECISION NOT NULL,
    level       VARCHAR(12) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (truster_id, trustee_id)
);

-- Trust over time: one point per recomputation that changed the value or the level.
CREATE TABLE trust_point (
    truster_id  VARCHAR(64) NOT NULL,
    trustee_id  VARCHAR(64) NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    trust       DOUBLE PRECISION NOT NULL,
    level       VARCHAR(12) NOT NULL,
    cause       VARCHAR(200) NOT NULL
);
CREATE INDEX trust_point_by_pair ON trust_point (truster_id, trustee_id, at);

-- When a polling partner last read a node's buffers (at most once per period).
CREATE TABLE partner_poll (
    owner_id   VARCHAR(64) NOT NULL,
    reader_id  VARCHAR(64) NOT NULL,
    polled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (owner_id, reader_id)
);
