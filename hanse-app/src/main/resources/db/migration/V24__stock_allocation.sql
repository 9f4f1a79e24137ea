-- Available-to-promise (issue 17): what an accepted order promised from the supplier's stock and scheduled receipts, per
-- material. Open while released_at is NULL; its outstanding part is the quantity less the supplier's outbound movements
-- referencing the order.
CREATE TABLE stock_allocation (
    order_id     VARCHAR(200)   NOT NULL,
    node_id      VARCHAR(64)    NOT NULL,
    material     VARCHAR(40)    NOT NULL,
    quantity     DECIMAL(19, 6) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (order_id, material)
);
CREATE INDEX stock_allocation_open ON stock_allocation (node_id, material, released_at);
