-- Supply-chain finance (issue 21): institutions (lenders, certifiers) created by the platform operator, each with an
-- API key stored as its SHA-256 digest like node keys.
CREATE TABLE institution (
    id            VARCHAR(64)  PRIMARY KEY,
    kind          VARCHAR(16)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    api_key_hash  VARCHAR(64)  NOT NULL UNIQUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Certificates of core enterprises, issued by a lender or certifier; revoked, never deleted.
CREATE TABLE finance_certificate (
    id           VARCHAR(64)  PRIMARY KEY,
    node_id      VARCHAR(64)  NOT NULL,
    issuer_id    VARCHAR(64)  NOT NULL,
    scope        VARCHAR(200) NOT NULL,
    valid_from   DATE         NOT NULL,
    valid_to     DATE         NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    revoked_by   VARCHAR(80)
);
CREATE INDEX finance_certificate_by_node ON finance_certificate (node_id);

-- Guarantees: a certified core enterprise guarantees a supplier's financing up to a limit.
CREATE TABLE finance_guarantee (
    id            VARCHAR(64)    PRIMARY KEY,
    core_id       VARCHAR(64)    NOT NULL,
    supplier_id   VARCHAR(64)    NOT NULL,
    limit_amount  NUMERIC(15, 3) NOT NULL,
    currency      VARCHAR(3)     NOT NULL,
    valid_to      DATE           NOT NULL,
    certificate_id VARCHAR(64)   NOT NULL,
    agreed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX finance_guarantee_by_core ON finance_guarantee (core_id);

-- A node's consent that a lender reads its evidence; revoked, never deleted (granted again: the same row, new time).
CREATE TABLE finance_consent (
    node_id     VARCHAR(64) NOT NULL,
    lender_id   VARCHAR(64) NOT NULL,
    granted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (node_id, lender_id)
);
CREATE INDEX finance_consent_by_lender ON finance_consent (lender_id, revoked_at);

-- People who sign in for a lender or certifier (node_id stays null for them).
ALTER TABLE person ADD COLUMN institution_id VARCHAR(64) REFERENCES institution (id);

-- No double financing: a claim per evidence record a financing rests on. live_key is "kind:record" while the claim is
-- live and NULL once released, so the unique constraint lets one live claim per record exist (NULLs never collide).
CREATE TABLE finance_claim (
    id            VARCHAR(64)  PRIMARY KEY,
    record_kind   VARCHAR(16)  NOT NULL,
    record_id     VARCHAR(200) NOT NULL,
    applicant_id  VARCHAR(64)  NOT NULL,
    lender_id     VARCHAR(64)  NOT NULL,
    live_key      VARCHAR(220) UNIQUE,
    claimed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX finance_claim_by_record ON finance_claim (record_kind, record_id);
