-- Events the Kafka bus could not hand to the broker (Kafka down): kept here and published when it
-- is back. Messages themselves are safe in chat_messages either way; this only restores the live
-- push to other nodes without waiting for the client's next resume.
CREATE TABLE bus_outbox (
    id          bigserial PRIMARY KEY,
    origin      varchar(64) NOT NULL,
    message_key varchar(64),
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
