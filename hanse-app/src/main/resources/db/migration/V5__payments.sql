-- Payment terms, payments and their matches to logistics units (issue 5, second part).

-- Terms of a pair (order_id = '') or of one order; the supplier (payee) sets them.
CREATE TABLE payment_terms (
    buyer_id     VARCHAR(64)  NOT NULL,
    supplier_id  VARCHAR(64)  NOT NULL,
    order_id     VARCHAR(100) NOT NULL,
    terms_json   TEXT         NOT NULL,
    set_by       VARCHAR(64)  NOT NULL,
    set_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (buyer_id, supplier_id, order_id)
);

-- Payments are never changed, only matched once when they arrived unmatched.
CREATE TABLE payment (
    id            VARCHAR(100)   PRIMARY KEY,
    payer_id      VARCHAR(64)    NOT NULL,
    payee_id      VARCHAR(64)    NOT NULL,
    amount        DECIMAL(19, 4) NOT NULL,
    currency      VARCHAR(3)     NOT NULL,
    paid_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(12)    NOT NULL,
    content_hash  VARCHAR(64)    NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX payment_by_pair ON payment (payer_id, payee_id);

-- Which instalment of which logistics unit a payment paid: the traceable record of each match.
CREATE TABLE payment_match (
    payment_id   VARCHAR(100)   NOT NULL REFERENCES payment (id),
    shipment_id  VARCHAR(100)   NOT NULL REFERENCES shipment (id),
    line_no      INT            NOT NULL,
    trigger_name VARCHAR(20)    NOT NULL,
    amount       DECIMAL(19, 4) NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE,
    arrived_at   TIMESTAMP WITH TIME ZONE,
    matched_by   VARCHAR(64)    NOT NULL,
    matched_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (payment_id, shipment_id, line_no, trigger_name)
);
CREATE INDEX payment_match_by_unit ON payment_match (shipment_id, line_no, trigger_name);
