-- Network parameters (RULES "Network parameters"): every version of the set is kept with who stored it and when.
-- Version 0 is the empty tree, i.e. the defaults of the running code, until the operator stores a set.
CREATE TABLE network_parameter_set (
    version          BIGINT       NOT NULL PRIMARY KEY,
    parameters_json  TEXT         NOT NULL,
    changed_by       VARCHAR(200) NOT NULL,
    changed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO network_parameter_set (version, parameters_json, changed_by, changed_at) VALUES (0, '{}', 'defaults', CURRENT_TIMESTAMP);

-- A pair's negotiated parameters (only those a pair may negotiate), set by the operator; one row per pair, replaced.
CREATE TABLE pair_parameter_override (
    buyer_id         VARCHAR(200) NOT NULL,
    supplier_id      VARCHAR(200) NOT NULL,
    overrides_json   TEXT         NOT NULL,
    changed_by       VARCHAR(200) NOT NULL,
    changed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (buyer_id, supplier_id)
);

-- Each stored assessment keeps the version of the parameters it was computed with (0: before versions existed).
ALTER TABLE relation_pair ADD COLUMN parameters_version BIGINT NOT NULL DEFAULT 0;
-- … and the θ1 it was classified against (null: before versions existed, the default then).
ALTER TABLE relation_pair ADD COLUMN theta1 DOUBLE PRECISION;
