-- Relationship analytics (issue 8): pair densities and classes, declared pair settings and resources.

CREATE TABLE relation_pair (
    buyer_id        VARCHAR(64) NOT NULL,
    supplier_id     VARCHAR(64) NOT NULL,
    relation_class  VARCHAR(16) NOT NULL,
    rho             DOUBLE PRECISION NOT NULL,
    theta2          DOUBLE PRECISION NOT NULL,
    orders_count    INT NOT NULL,
    daily_amount    DOUBLE PRECISION NOT NULL,
    spare_capacity  DOUBLE PRECISION NOT NULL,
    assessed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (buyer_id, supplier_id)
);

-- What the buyer declares about a pair: switching cost (in 30-day spends of the pair) and asset specificity σ ∈ [0, 1].
CREATE TABLE pair_setting (
    buyer_id        VARCHAR(64) NOT NULL,
    supplier_id     VARCHAR(64) NOT NULL,
    switching_cost  DOUBLE PRECISION,
    specificity     DOUBLE PRECISION,
    PRIMARY KEY (buyer_id, supplier_id)
);

-- Declared resources for complementarity: kind, class, parameter ranges, capacity and load in units a day.
CREATE TABLE node_resource (
    node_id      VARCHAR(64)  NOT NULL,
    resource_id  VARCHAR(64)  NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    class_name   VARCHAR(100) NOT NULL,
    ranges_json  VARCHAR(4000) NOT NULL,
    capacity     DOUBLE PRECISION NOT NULL,
    declared_load DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (node_id, resource_id)
);

-- Information transmission (RULES 3.4): the current critical path toward each finished-goods node.
CREATE TABLE critical_path (
    target_id    VARCHAR(64) PRIMARY KEY,
    nodes_json   VARCHAR(4000) NOT NULL,
    weight       DOUBLE PRECISION NOT NULL,
    computed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Nodes beyond the relay cap take items from their origin directly.
CREATE TABLE relay_subscription (
    origin_id      VARCHAR(64) NOT NULL,
    subscriber_id  VARCHAR(64) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (origin_id, subscriber_id)
);

-- A message to or from a critical node, sent on two paths (direct and via an intermediary) and cross-validated.
CREATE TABLE secure_message (
    id            VARCHAR(100) PRIMARY KEY,
    sender_id     VARCHAR(64)  NOT NULL,
    recipient_id  VARCHAR(64)  NOT NULL,
    via_id        VARCHAR(64),
    message_type  VARCHAR(64)  NOT NULL,
    digest        VARCHAR(64)  NOT NULL,
    copy_direct   VARCHAR(20000),
    copy_relayed  VARCHAR(20000),
    status        VARCHAR(20)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX secure_message_waiting ON secure_message (status, deadline);
