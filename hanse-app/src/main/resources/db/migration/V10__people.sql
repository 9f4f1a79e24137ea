-- People who sign in to the web UI: each belongs to one node (node admin, node operator, viewer) or to the platform
-- (platform operator, node_id null). Passwords are stored only as adaptive (bcrypt) hashes.
CREATE TABLE person (
    email          VARCHAR(254) PRIMARY KEY,
    display_name   VARCHAR(200) NOT NULL,
    password_hash  VARCHAR(200) NOT NULL,
    node_id        VARCHAR(64)  REFERENCES node (id),
    role           VARCHAR(20)  NOT NULL,
    invited_by     VARCHAR(254),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX person_node ON person (node_id);

-- An invitation from a node admin: only the SHA-256 of its token is kept; it is used at most once, before it expires.
CREATE TABLE invitation (
    token_hash   VARCHAR(64)  PRIMARY KEY,
    node_id      VARCHAR(64)  NOT NULL REFERENCES node (id),
    email        VARCHAR(254) NOT NULL,
    role         VARCHAR(20)  NOT NULL,
    invited_by   VARCHAR(254) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX invitation_node ON invitation (node_id);
