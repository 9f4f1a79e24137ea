-- Tamper-evident ledger of the network's evidence (issue 20): an RFC 9162 Merkle log.

-- One row, locked by every append: leaf indexes are dense and assigned in commit order, and a rolled-back
-- transaction leaves no gap (its record and its leaf go together).
CREATE TABLE ledger_head (
    id    INT    PRIMARY KEY,
    size  BIGINT NOT NULL
);
INSERT INTO ledger_head (id, size) VALUES (1, 0);

-- Each entry's canonical bytes (RFC 8785 JSON) and whom it concerns; (kind, record_id) maps a record to its leaf.
CREATE TABLE ledger_entry (
    idx          BIGINT       PRIMARY KEY,
    kind         VARCHAR(40)  NOT NULL,
    record_id    VARCHAR(200) NOT NULL,
    party_a      VARCHAR(64),
    party_b      VARCHAR(64),
    entry        BYTEA        NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_ledger_record UNIQUE (kind, record_id)
);

-- Hashes of complete subtrees: level 0 are the leaf hashes, level h index k covers leaves [k·2^h, (k+1)·2^h).
-- One BIGINT key, level · 2^56 + k: H2 then keys the rows themselves by it (no second index), and any proof reads
-- O(log n) of them by primary key.
CREATE TABLE ledger_hash (
    node  BIGINT PRIMARY KEY,
    hash  BYTEA  NOT NULL
);

-- Signed tree heads (C2SP tlog-checkpoint notes), one per size signed.
CREATE TABLE ledger_checkpoint (
    size       BIGINT        PRIMARY KEY,
    note       VARCHAR(2000) NOT NULL,
    signed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
