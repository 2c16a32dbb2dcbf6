-- Issue 18: an append-only, tamper-evident record of what staff did with personal data.
-- Every entry carries the hash of the one before it (prev_hash) and its own hash over that and
-- its fields (audit_entry_hash), so editing, inserting or removing an entry in the middle breaks
-- the chain, and verify-audit (the ops command) names the first entry that no longer fits.
-- Entries hold ids (a session, a visitor row), never the data itself: an erasure leaves them
-- telling who did what without keeping what was erased.
CREATE TABLE audit_log (
    id        bigserial PRIMARY KEY,
    at        timestamptz  NOT NULL,
    actor     varchar(64)  NOT NULL,
    actor_id  uuid,
    address   varchar(45),
    action    varchar(40)  NOT NULL,
    subject   varchar(120),
    detail    varchar(500),
    prev_hash bytea        NOT NULL,
    hash      bytea        NOT NULL UNIQUE
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE INDEX audit_log_subject ON audit_log (subject, id);

-- The one definition of an entry's hash: SHA-256 over the previous hash and the fields, each
-- field length-prefixed so that no two different entries give the same text.
CREATE FUNCTION audit_entry_hash(p_prev bytea, p_at timestamptz, p_actor text, p_actor_id uuid,
                                 p_address text, p_action text, p_subject text, p_detail text)
    RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(p_prev || convert_to(
        concat_ws(E'\x1f',
            (extract(epoch FROM p_at) * 1000000)::bigint::text,
            length(p_actor) || ':' || p_actor,
            coalesce(p_actor_id::text, '-'),
            coalesce(length(p_address) || ':' || p_address, '-'),
            length(p_action) || ':' || p_action,
            coalesce(length(p_subject) || ':' || p_subject, '-'),
            coalesce(length(p_detail) || ':' || p_detail, '-')),
        'UTF8'))
$$;

-- Appends one entry: a transaction-wide advisory lock serialises writers (on every node), so each
-- entry hashes the one really before it. Returns the new entry's id.
CREATE FUNCTION audit_append(p_actor text, p_actor_id uuid, p_address text, p_action text,
                             p_subject text, p_detail text)
    RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    v_prev bytea;
    v_at   timestamptz := date_trunc('microseconds', clock_timestamp());
    v_id   bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('livechat.audit_log'));
    SELECT hash INTO v_prev FROM audit_log ORDER BY id DESC LIMIT 1;
    v_prev := coalesce(v_prev, '\x'::bytea);
    INSERT INTO audit_log (at, actor, actor_id, address, action, subject, detail, prev_hash, hash)
    VALUES (v_at, p_actor, p_actor_id, p_address, p_action, p_subject, p_detail, v_prev,
            audit_entry_hash(v_prev, v_at, p_actor, p_actor_id, p_address, p_action, p_subject, p_detail))
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

-- Append-only: no entry is ever changed, and only the retention job removes entries, the oldest
-- first, and only with livechat.audit_purge set in its own transaction.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('livechat.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Notice and consent (widget): when the visitor agreed to the privacy notice, and which
-- version of the notice it was shown.
ALTER TABLE chat_session_contacts ADD COLUMN consent_at timestamptz;
ALTER TABLE chat_session_contacts ADD COLUMN consent_notice varchar(40);

-- Retention and erasure leave a session row without personal data (so the analytics keep their
-- counts); this says when and why it was emptied.
ALTER TABLE chat_sessions ADD COLUMN personal_data_erased_at timestamptz;
CREATE INDEX chat_sessions_ended ON chat_sessions (ended_at) WHERE personal_data_erased_at IS NULL;
