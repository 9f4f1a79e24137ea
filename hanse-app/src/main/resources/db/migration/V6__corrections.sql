-- The correction path between a buyer and a supplier (issue 5, third part).

CREATE TABLE correction (
    id                  VARCHAR(100) PRIMARY KEY,
    buyer_id            VARCHAR(64)  NOT NULL,
    supplier_id         VARCHAR(64)  NOT NULL,
    path                VARCHAR(24)  NOT NULL,
    capital_turnover    DOUBLE PRECISION NOT NULL,
    inventory_turnover  DOUBLE PRECISION NOT NULL,
    credit_record       DOUBLE PRECISION NOT NULL,
    proposal_json       TEXT         NOT NULL,
    status              VARCHAR(12)  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at          TIMESTAMP WITH TIME ZONE
);

-- The supplier's shipment plan toward a buyer under the logistics rhythm.
CREATE TABLE logistics_rhythm (
    buyer_id          VARCHAR(64) NOT NULL,
    supplier_id       VARCHAR(64) NOT NULL,
    interval_seconds  BIGINT      NOT NULL,
    batch             DOUBLE PRECISION NOT NULL,
    advance_required  BOOLEAN     NOT NULL,
    credit_record     DOUBLE PRECISION NOT NULL,
    set_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (buyer_id, supplier_id)
);
