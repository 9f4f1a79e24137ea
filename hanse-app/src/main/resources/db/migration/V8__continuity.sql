-- Node exit and substitution (issue 7).

-- An announced or detected exit: when, the remaining capacity until then, and how it was learnt.
CREATE TABLE node_exit (
    node_id        VARCHAR(64) PRIMARY KEY,
    kind           VARCHAR(20) NOT NULL,
    announced_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    exit_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    remaining_json VARCHAR(4000) NOT NULL,
    reason         VARCHAR(2000) NOT NULL,
    status         VARCHAR(20) NOT NULL
);

-- How each adjacent pair sees the exit: planned iff announced three of the pair's order cycles ahead.
CREATE TABLE exit_pair (
    node_id     VARCHAR(64) NOT NULL,
    partner_id  VARCHAR(64) NOT NULL,
    kind        VARCHAR(12) NOT NULL,
    cycle_s     BIGINT      NOT NULL,
    PRIMARY KEY (node_id, partner_id)
);

-- When a node was last heard from (any authenticated API call), flushed from memory every few seconds.
CREATE TABLE node_heartbeat (
    node_id        VARCHAR(64) PRIMARY KEY,
    last_heard_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A buyer's pins and exclusions of backup candidates for a supplier and material.
CREATE TABLE backup_preference (
    buyer_id      VARCHAR(64) NOT NULL,
    supplier_id   VARCHAR(64) NOT NULL,
    material      VARCHAR(40) NOT NULL,
    candidate_id  VARCHAR(64) NOT NULL,
    preference    VARCHAR(10) NOT NULL,
    set_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (buyer_id, supplier_id, material, candidate_id)
);

-- The last computed backup list of each (buyer, supplier, material), to warn once when it becomes short.
CREATE TABLE backup_list (
    buyer_id     VARCHAR(64) NOT NULL,
    supplier_id  VARCHAR(64) NOT NULL,
    material     VARCHAR(40) NOT NULL,
    viable       INT         NOT NULL,
    list_json    VARCHAR(8000) NOT NULL,
    computed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (buyer_id, supplier_id, material)
);

-- A contract net: a buyer's open business with a leaving supplier, offered to candidates; the first accept wins.
CREATE TABLE substitution (
    id            VARCHAR(100) PRIMARY KEY,
    buyer_id      VARCHAR(64)  NOT NULL,
    original_id   VARCHAR(64)  NOT NULL,
    material      VARCHAR(40)  NOT NULL,
    cause         VARCHAR(20)  NOT NULL,
    status        VARCHAR(12)  NOT NULL,
    round_no      INT          NOT NULL,
    params_json   VARCHAR(8000) NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline      TIMESTAMP WITH TIME ZONE NOT NULL,
    winner_id     VARCHAR(64),
    won_at        TIMESTAMP WITH TIME ZONE,
    outcome_json  VARCHAR(8000)
);
CREATE INDEX substitution_by_status ON substitution (status, deadline);
CREATE UNIQUE INDEX substitution_once ON substitution (buyer_id, original_id, material, cause);

CREATE TABLE substitution_offer (
    substitution_id  VARCHAR(100) NOT NULL,
    candidate_id     VARCHAR(64)  NOT NULL,
    round_no         INT          NOT NULL,
    score            DOUBLE PRECISION NOT NULL,
    similarity       DOUBLE PRECISION NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    respond_by       TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE,
    decided_by       VARCHAR(64),
    PRIMARY KEY (substitution_id, candidate_id)
);

-- Alerts for the platform operator (a substitution nobody took, even after widening).
CREATE TABLE operator_alert (
    id          VARCHAR(100) PRIMARY KEY,
    kind        VARCHAR(40)  NOT NULL,
    message     VARCHAR(2000) NOT NULL,
    subject_id  VARCHAR(100) NOT NULL,
    raised_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A starting trust for a new pair (a substitute inherits old trust × δ): counted as one interaction at that time.
CREATE TABLE trust_prior (
    truster_id  VARCHAR(64) NOT NULL,
    trustee_id  VARCHAR(64) NOT NULL,
    trust_value DOUBLE PRECISION NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    cause       VARCHAR(200) NOT NULL,
    PRIMARY KEY (truster_id, trustee_id)
);

-- How a node answers substitution requests: AUTO (by its capacity rule, the default) or MANUAL (by hand, before the deadline).
CREATE TABLE substitution_setting (
    node_id  VARCHAR(64) PRIMARY KEY,
    decide   VARCHAR(10) NOT NULL
);
