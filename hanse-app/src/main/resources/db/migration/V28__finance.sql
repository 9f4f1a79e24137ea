-- Supply-chain finance (issue 21): institutions (lenders, certifiers) created by the platform operator, each with an
-- API key stored as its SHA-256 digest like node keys.
CREATE TABLE institution (
    id            VARCHAR(64)  PRIMARY KEY,
    kind          VARCHAR(16)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    api_key_hash  VARCHAR(64)  NOT NULL UNIQUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
