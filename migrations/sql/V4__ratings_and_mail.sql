-- A visitor rates a closed chat once: 1 to 5, with an optional comment.
ALTER TABLE chat_sessions
    ADD COLUMN rating         smallint CHECK (rating BETWEEN 1 AND 5),
    ADD COLUMN rating_comment varchar(1000),
    ADD COLUMN rated_at       timestamptz,
    ADD CONSTRAINT chat_sessions_rating_time CHECK ((rating IS NULL) = (rated_at IS NULL));

-- Mail is queued here and sent by a worker with retries, so a mail server that is down delays
-- mail and never loses it. dedup_key makes queueing idempotent (one transcript per closed chat,
-- one notice per reply); a row is claimed for sending with a lease, and marked sent after.
CREATE TABLE mail_outbox (
    id              bigserial PRIMARY KEY,
    dedup_key       varchar(200) NOT NULL UNIQUE,
    kind            varchar(40)  NOT NULL,
    recipient       varchar(255) NOT NULL,
    language        varchar(5)   NOT NULL CHECK (language IN ('id', 'en')),
    subject         varchar(255) NOT NULL,
    body_text       text         NOT NULL,
    body_html       text         NOT NULL,
    session_id      uuid REFERENCES chat_sessions (id) ON DELETE SET NULL,
    status          varchar(20)  NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'sending');
-- analytics by the day a session started, and by agent
CREATE INDEX chat_sessions_agent_started ON chat_sessions (agent_id, started_at);
