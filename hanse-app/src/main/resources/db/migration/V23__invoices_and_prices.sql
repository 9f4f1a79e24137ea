-- Invoices and credit notes per logistics unit (issue 17): issued when the buyer accepts the unit, the invoice on the
-- accepted quantity and a credit note on the rejected one, each at the unit price. Amounts are kept exact at
-- DECIMAL(19, 4) like the other money columns and shown at the currency's minor unit.
CREATE TABLE invoice (
    id           VARCHAR(40)    PRIMARY KEY,
    kind         VARCHAR(12)    NOT NULL,
    shipment_id  VARCHAR(200)   NOT NULL REFERENCES shipment (id),
    line_no      INT            NOT NULL,
    order_id     VARCHAR(200)   NOT NULL,
    buyer_id     VARCHAR(64)    NOT NULL,
    supplier_id  VARCHAR(64)    NOT NULL,
    material     VARCHAR(40)    NOT NULL,
    quantity     DECIMAL(19, 6) NOT NULL,
    unit_price   DECIMAL(19, 6) NOT NULL,
    amount       DECIMAL(19, 4) NOT NULL,
    currency     VARCHAR(3)     NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT invoice_once_per_unit UNIQUE (shipment_id, line_no, kind)
);
CREATE INDEX invoice_by_buyer ON invoice (buyer_id, issued_at);
CREATE INDEX invoice_by_supplier ON invoice (supplier_id, issued_at);

-- Supplier price lists: a unit price per material in the supplier's unit, valid from a date; buyer_id '' for every
-- buyer, else the price negotiated with that buyer (it wins). PUT replaces a supplier's whole list.
CREATE TABLE price_list (
    supplier_id  VARCHAR(64)    NOT NULL,
    material     VARCHAR(40)    NOT NULL,
    buyer_id     VARCHAR(64)    NOT NULL,
    valid_from   DATE           NOT NULL,
    unit_price   DECIMAL(19, 6) NOT NULL,
    currency     VARCHAR(3)     NOT NULL,
    set_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (supplier_id, material, buyer_id, valid_from)
);

-- The operator's exchange rates: reference-currency units per unit of a currency, valid from a date until the next.
CREATE TABLE exchange_rate (
    currency     VARCHAR(3)     NOT NULL,
    valid_from   DATE           NOT NULL,
    rate         DECIMAL(19, 9) NOT NULL,
    set_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (currency, valid_from)
);
