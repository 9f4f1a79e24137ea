-- Shipments and their milestones (issue 5, first part): logistics units against order lines.

CREATE TABLE shipment (
    id            VARCHAR(100) PRIMARY KEY,
    order_id      VARCHAR(100) NOT NULL REFERENCES purchase_order (id),
    buyer_id      VARCHAR(64)  NOT NULL,
    supplier_id   VARCHAR(64)  NOT NULL,
    content_hash  VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX shipment_by_order ON shipment (order_id);

-- A logistics unit: one shipment line against an order line's material, with its value.
CREATE TABLE shipment_line (
    shipment_id  VARCHAR(100)   NOT NULL REFERENCES shipment (id),
    line_no      INT            NOT NULL,
    material     VARCHAR(40)    NOT NULL,
    quantity     DECIMAL(19, 6) NOT NULL,
    unit_price   DECIMAL(19, 6) NOT NULL,
    currency     VARCHAR(3)     NOT NULL,
    PRIMARY KEY (shipment_id, line_no)
);

CREATE TABLE shipment_milestone (
    shipment_id   VARCHAR(100) NOT NULL REFERENCES shipment (id),
    milestone     VARCHAR(12)  NOT NULL,
    checkpoint    VARCHAR(100) NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_qty  DECIMAL(19, 6),
    rejected_qty  DECIMAL(19, 6),
    recorded_by   VARCHAR(64)  NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (shipment_id, milestone, checkpoint)
);
