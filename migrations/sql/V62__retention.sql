-- Issue 18, retention: each class of personal data is erased when its period ends, by a job that
-- one node runs at a time (RetentionJob holds a session advisory lock while it works). Each
-- function below does one batch in one short statement, so one short transaction: the job calls
-- it again until it answers 0, and rows that a chat is writing right now are skipped (SKIP LOCKED)
-- and taken the next time. Session rows stay, emptied as erase_subject empties them, so the
-- analytics keep their counts.

-- when a session's contact form was emptied by retention (messages: chat_sessions.personal_data_erased_at)
ALTER TABLE chat_session_contacts ADD COLUMN erased_at timestamptz;
CREATE INDEX chat_users_updated ON chat_users (updated_at) WHERE ip_address IS NOT NULL OR user_agent IS NOT NULL OR email IS NOT NULL;
CREATE INDEX mail_outbox_created ON mail_outbox (created_at);

-- Message texts (and what else a conversation says: the topic, the rating comment) of sessions
-- that ended before p_cutoff. Returns the number of sessions emptied.
CREATE FUNCTION retention_messages(p_cutoff timestamptz, p_batch integer)
    RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    v_sessions uuid[];
BEGIN
    SELECT coalesce(array_agg(id), '{}') INTO v_sessions FROM (
        SELECT id FROM chat_sessions
         WHERE personal_data_erased_at IS NULL AND ended_at < p_cutoff
         ORDER BY ended_at LIMIT p_batch FOR UPDATE SKIP LOCKED) due;
    UPDATE chat_messages
       SET body = '[dihapus]',
           sender_name = CASE WHEN sender_type = 'visitor' THEN NULL ELSE sender_name END
     WHERE session_id = ANY (v_sessions);
    UPDATE chat_sessions
       SET topic = '[dihapus]', rating_comment = NULL, personal_data_erased_at = now()
     WHERE id = ANY (v_sessions);
    RETURN cardinality(v_sessions);
END
$$;

-- The contact form and the citizen's case (its NIB and application number, which name a business;
-- licence type, province and KBLI stay for the analytics) of sessions that ended before p_cutoff,
-- and the e-mail of visitor rows not seen since then. Returns the number of contact forms, cases
-- and visitor rows emptied.
CREATE FUNCTION retention_contacts(p_cutoff timestamptz, p_batch integer)
    RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    v_contacts integer;
    v_cases    integer;
    v_visitors integer;
BEGIN
    WITH due AS (
        SELECT c.session_id FROM chat_session_contacts c JOIN chat_sessions s ON s.id = c.session_id
         WHERE c.erased_at IS NULL AND s.ended_at < p_cutoff
         ORDER BY s.ended_at LIMIT p_batch FOR UPDATE OF c SKIP LOCKED)
    UPDATE chat_session_contacts c
       SET contact_name = '[dihapus]', contact_email = NULL, contact_phone = NULL,
           position = NULL, company_name = NULL, erased_at = now(), updated_at = now()
      FROM due WHERE c.session_id = due.session_id;
    GET DIAGNOSTICS v_contacts = ROW_COUNT;
    WITH due AS (
        SELECT x.session_id FROM session_contexts x JOIN chat_sessions s ON s.id = x.session_id
         WHERE (x.nib IS NOT NULL OR x.application_number IS NOT NULL) AND s.ended_at < p_cutoff
         ORDER BY s.ended_at LIMIT p_batch FOR UPDATE OF x SKIP LOCKED)
    UPDATE session_contexts x
       SET nib = NULL, application_number = NULL
      FROM due WHERE x.session_id = due.session_id;
    GET DIAGNOSTICS v_cases = ROW_COUNT;
    WITH due AS (
        SELECT id FROM chat_users
         WHERE email IS NOT NULL AND updated_at < p_cutoff
           AND NOT EXISTS (SELECT 1 FROM chat_sessions s
                            WHERE s.chat_user_id = chat_users.id
                              AND (s.ended_at IS NULL OR s.ended_at >= p_cutoff))
         LIMIT p_batch FOR UPDATE SKIP LOCKED)
    UPDATE chat_users u SET email = NULL FROM due WHERE u.id = due.id;
    GET DIAGNOSTICS v_visitors = ROW_COUNT;
    RETURN v_contacts + v_cases + v_visitors;
END
$$;

-- The IP address and browser (user agent) of visitor rows not seen since p_cutoff.
CREATE FUNCTION retention_addresses(p_cutoff timestamptz, p_batch integer)
    RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    v_rows integer;
BEGIN
    WITH due AS (
        SELECT id FROM chat_users
         WHERE (ip_address IS NOT NULL OR user_agent IS NOT NULL) AND updated_at < p_cutoff
         LIMIT p_batch FOR UPDATE SKIP LOCKED)
    UPDATE chat_users u SET ip_address = NULL, user_agent = NULL FROM due WHERE u.id = due.id;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    RETURN v_rows;
END
$$;

-- Mails (transcripts, notices: whole conversations in their bodies) queued before p_cutoff,
-- whatever became of them, except one being handed to the mail server right now.
CREATE FUNCTION retention_mails(p_cutoff timestamptz, p_batch integer)
    RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    v_rows integer;
BEGIN
    WITH due AS (
        SELECT id FROM mail_outbox
         WHERE created_at < p_cutoff
           AND NOT (status = 'sending' AND lease_until > now())
         ORDER BY created_at LIMIT p_batch FOR UPDATE SKIP LOCKED)
    DELETE FROM mail_outbox m USING due WHERE m.id = due.id;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    RETURN v_rows;
END
$$;

-- Each cut of the audit trail's oldest entries, with the hash of the last entry cut: the first
-- entry kept must name it as its previous hash, so verify-audit still checks the whole chain
-- from there, and a cut that is not recorded here (someone deleting the oldest entries) is caught.
CREATE TABLE audit_purges (
    id           bigserial PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    cutoff       timestamptz NOT NULL,
    entries      integer     NOT NULL,
    through_id   bigint      NOT NULL,
    through_hash bytea       NOT NULL
);
CREATE FUNCTION audit_purges_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_purges is append-only (% refused)', TG_OP;
END
$$;
CREATE TRIGGER audit_purges_append_only BEFORE UPDATE OR DELETE ON audit_purges
    FOR EACH ROW EXECUTE FUNCTION audit_purges_append_only();
CREATE TRIGGER audit_purges_no_truncate BEFORE TRUNCATE ON audit_purges
    FOR EACH STATEMENT EXECUTE FUNCTION audit_purges_append_only();

-- Audit entries older than p_cutoff, the oldest first and never the newest one (the chain goes
-- on from it). Takes the audit writers' lock, so no entry is appended while the head moves.
CREATE FUNCTION retention_audit(p_cutoff timestamptz, p_batch integer)
    RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    v_through bigint;
    v_hash    bytea;
    v_rows    integer;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('livechat.audit_log'));
    SELECT max(id) INTO v_through FROM (
        SELECT id FROM audit_log
         WHERE id < coalesce((SELECT min(id) FROM audit_log WHERE at >= p_cutoff),
                             (SELECT max(id) FROM audit_log))
         ORDER BY id LIMIT p_batch) doomed;
    IF v_through IS NULL THEN
        RETURN 0;
    END IF;
    SELECT hash INTO v_hash FROM audit_log WHERE id = v_through;
    PERFORM set_config('livechat.audit_purge', 'on', true);
    DELETE FROM audit_log WHERE id <= v_through;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    PERFORM set_config('livechat.audit_purge', 'off', true);
    INSERT INTO audit_purges (cutoff, entries, through_id, through_hash)
    VALUES (p_cutoff, v_rows, v_through, v_hash);
    RETURN v_rows;
END
$$;
