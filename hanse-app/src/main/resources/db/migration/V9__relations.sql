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
