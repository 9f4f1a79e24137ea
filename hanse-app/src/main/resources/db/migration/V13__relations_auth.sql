-- Authorization by relationship (issue 16).

-- Relays: an origin's items as it sent them, and whom each item reached at how many hops (the fewest), so that only
-- the origin or a node the item reached relays it, at the hop count recorded here.
CREATE TABLE relay_item (
    origin_id   VARCHAR(64)    NOT NULL,
    item_id     VARCHAR(100)   NOT NULL,
    content     VARCHAR(20000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (origin_id, item_id)
);

CREATE TABLE relay_delivery (
    origin_id     VARCHAR(64)  NOT NULL,
    item_id       VARCHAR(100) NOT NULL,
    recipient_id  VARCHAR(64)  NOT NULL,
    hops          INT          NOT NULL,
    relayed_by    VARCHAR(64)  NOT NULL,
    delivered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (origin_id, item_id, recipient_id)
);

-- Subscriptions made before the path check cannot be told from hijacked ones: dropped. A genuine one comes back the
-- next time one of the origin's items reaches the hop cap on its way to the subscriber.
DELETE FROM relay_subscription;

-- Nodes the platform operator has verified (substitution candidates at the VERIFIED level, and at TRUSTED).
CREATE TABLE node_verification (
    node_id      VARCHAR(64)  PRIMARY KEY,
    verified_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    note         VARCHAR(500)
);
