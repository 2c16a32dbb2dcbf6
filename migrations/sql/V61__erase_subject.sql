-- Issue 18: erasure of a data subject, as one function so the API and the ops command erase the
-- same things, and in one transaction: all of it or nothing.
--
-- The subject is found by one of: an OSS user id, an e-mail, a phone number, a browser UUID.
-- Its visitor rows are those that match, those merged into them and those they merged into
-- (linking proved they are one person); its sessions are theirs plus any session whose contact
-- details carry the e-mail or phone. Returns the counts, or NULL when nothing matches (the caller
-- answers 404 and nothing changed).
--
-- Session rows stay, emptied of personal data (the analytics keep their counts); messages keep
-- their numbers and become "[dihapus]"; contact, identity, address and browser, and the NIB and
-- application number of the citizen's case (session_contexts, V41) are cleared; mails
-- about those sessions or to that address are dropped from the outbox, and bus events about them
-- from the bus outbox. The audit entry names the visitor row ids and the counts, never the
-- erased values.
CREATE FUNCTION erase_subject(p_kind text, p_value text, p_actor text, p_actor_id uuid,
                              p_address text)
    RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    v_value    text := btrim(p_value);
    v_phone    text := regexp_replace(btrim(p_value), '[\s().-]', '', 'g');
    v_users    uuid[];
    v_sessions uuid[];
    v_emails   text[];
    v_messages bigint;
    v_contacts bigint;
    v_visitors bigint;
    v_mails    bigint;
    v_events   bigint;
    v_result   jsonb;
BEGIN
    IF p_kind NOT IN ('oss_user_id', 'email', 'phone', 'browser_uuid') THEN
        RAISE EXCEPTION 'unknown subject kind %', p_kind;
    END IF;

    SELECT coalesce(array_agg(id), '{}') INTO v_users FROM chat_users
     WHERE (p_kind = 'oss_user_id' AND oss_user_id = v_value)
        OR (p_kind = 'email' AND lower(email) = lower(v_value))
        OR (p_kind = 'browser_uuid' AND browser_uuid::text = lower(v_value));

    SELECT coalesce(array_agg(DISTINCT s.id), '{}') INTO v_sessions
      FROM chat_sessions s LEFT JOIN chat_session_contacts c ON c.session_id = s.id
     WHERE (p_kind = 'email' AND lower(c.contact_email) = lower(v_value))
        OR (p_kind = 'phone' AND regexp_replace(c.contact_phone, '[\s().-]', '', 'g') = v_phone);

    IF cardinality(v_users) = 0 AND cardinality(v_sessions) = 0 THEN
        RETURN NULL;
    END IF;

    -- one person: the rows linking joined, and the owners of sessions found by contact
    SELECT coalesce(array_agg(DISTINCT id), '{}') INTO v_users FROM chat_users
     WHERE id = ANY (v_users)
        OR merged_into = ANY (v_users)
        OR id IN (SELECT merged_into FROM chat_users WHERE id = ANY (v_users))
        OR id IN (SELECT chat_user_id FROM chat_sessions WHERE id = ANY (v_sessions));
    SELECT coalesce(array_agg(DISTINCT id), '{}') INTO v_sessions FROM chat_sessions
     WHERE id = ANY (v_sessions) OR chat_user_id = ANY (v_users);

    -- the addresses mail went to, before they are cleared
    SELECT coalesce(array_agg(DISTINCT lower(e)), '{}') INTO v_emails FROM (
        SELECT email AS e FROM chat_users WHERE id = ANY (v_users) AND email IS NOT NULL
        UNION SELECT contact_email FROM chat_session_contacts
               WHERE session_id = ANY (v_sessions) AND contact_email IS NOT NULL
        UNION SELECT v_value WHERE p_kind = 'email') addresses;

    -- a chat still open ends here: nobody may go on writing into erased data
    UPDATE chat_sessions
       SET status = 'closed', ended_at = now(), close_reason = 'erased'
     WHERE id = ANY (v_sessions) AND status <> 'closed';

    UPDATE chat_messages
       SET body = '[dihapus]',
           sender_name = CASE WHEN sender_type = 'visitor' THEN NULL ELSE sender_name END
     WHERE session_id = ANY (v_sessions);
    GET DIAGNOSTICS v_messages = ROW_COUNT;

    UPDATE chat_session_contacts
       SET contact_name = '[dihapus]', contact_email = NULL, contact_phone = NULL,
           position = NULL, company_name = NULL, updated_at = now()
     WHERE session_id = ANY (v_sessions);
    GET DIAGNOSTICS v_contacts = ROW_COUNT;

    UPDATE chat_sessions
       SET topic = '[dihapus]', rating_comment = NULL,
           personal_data_erased_at = now()
     WHERE id = ANY (v_sessions);

    -- the citizen's case: its NIB and application number name the business (and so, often, the
    -- person); licence type, province and KBLI stay for the analytics
    UPDATE session_contexts
       SET nib = NULL, application_number = NULL
     WHERE session_id = ANY (v_sessions);

    -- the identity goes: a fresh random browser id keeps the row's constraints and links nothing
    UPDATE chat_users
       SET oss_user_id = NULL, is_anonymous = true, browser_uuid = gen_random_uuid(),
           email = NULL, ip_address = NULL, user_agent = NULL,
           deleted_at = coalesce(deleted_at, now()), updated_at = now()
     WHERE id = ANY (v_users);
    GET DIAGNOSTICS v_visitors = ROW_COUNT;

    DELETE FROM mail_outbox
     WHERE session_id = ANY (v_sessions) OR lower(recipient) = ANY (v_emails);
    GET DIAGNOSTICS v_mails = ROW_COUNT;

    DELETE FROM bus_outbox b
     WHERE EXISTS (SELECT 1 FROM unnest(v_sessions) s WHERE b.payload LIKE '%' || s::text || '%');
    GET DIAGNOSTICS v_events = ROW_COUNT;

    v_result := jsonb_build_object(
        'visitors', v_visitors,
        'sessions', cardinality(v_sessions),
        'messages', v_messages,
        'contacts', v_contacts,
        'mails', v_mails,
        'bus_events', v_events);

    PERFORM audit_append(p_actor, p_actor_id, p_address, 'privacy.erase',
        'visitor:' || array_to_string(v_users[1:3], ','),
        'found by ' || p_kind || '; ' || v_result::text);
    RETURN v_result;
END
$$;
