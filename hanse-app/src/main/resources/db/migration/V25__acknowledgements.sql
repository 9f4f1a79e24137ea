-- Requests that expect an answer (issue 18): tracked per recipient until acknowledged or answered, re-delivered with
-- back-off, timed out after the recipient's declared wait × (retries + 1). Answer times give the response delays.
CREATE TABLE message_expectation (
    event_id           VARCHAR(200) NOT NULL,
    recipient_id       VARCHAR(64)  NOT NULL,
    sender_id          VARCHAR(64)  NOT NULL,
    type               VARCHAR(40)  NOT NULL,
    order_id           VARCHAR(100),
    sent_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    redelivered        INT          NOT NULL DEFAULT 0,
    last_delivered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at        TIMESTAMP WITH TIME ZONE,
    answered_by        VARCHAR(20),
    timed_out_at       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (event_id, recipient_id)
);
CREATE INDEX message_expectation_open ON message_expectation (timed_out_at, answered_at, sent_at);
CREATE INDEX message_expectation_by_recipient ON message_expectation (recipient_id, answered_at);

-- What a rated interaction was: a delivery (buyer rates supplier), a timed-out request, or an instalment (supplier rates buyer).
ALTER TABLE trust_interaction ADD COLUMN kind VARCHAR(20) DEFAULT 'DELIVERY' NOT NULL;
