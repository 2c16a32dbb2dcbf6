-- Issue 21: a chat start was a round trip for the room left in the queue, then a transaction of
-- four (begin, the visitor, the session, commit). In a burst of starts those round trips, each a
-- statement parsed, planned and answered on both sides, were where the time went. Now the room
-- check, the anonymous visitor and the session are one call; a start that is refused writes
-- nothing, as before (the room is checked first).

-- A new waiting session if its department's queue, and the client address's share of all queues,
-- have room. p_user: a visitor already stored (an OSS user, whose identity the caller settled in
-- the same transaction); null: the anonymous visitor of p_browser, stored here once there is room.
-- Answers one row: the refusal ('queue_full', 'address_full') and no session, or the session's id,
-- visitor and start as stored (the rest of a new session the caller knows).
CREATE FUNCTION start_waiting_chat(
    p_user uuid, p_browser uuid, p_ip varchar, p_agent text,
    p_department uuid, p_topic varchar, p_topic_code varchar, p_priority varchar,
    p_language varchar, p_token bytea, p_started timestamptz, p_consent varchar,
    p_per_department integer, p_per_address integer)
RETURNS TABLE (refusal text, new_session uuid, visitor uuid, started timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
    v_in_department bigint;
    v_from_address  bigint;
    v_user          uuid := p_user;
BEGIN
    -- the waiting sessions are few (the queue's partial index); their visitors are found by key
    SELECT count(*) FILTER (WHERE s.department_id = p_department),
           count(*) FILTER (WHERE u.ip_address = p_ip)
      INTO v_in_department, v_from_address
      FROM chat_sessions s JOIN chat_users u ON u.id = s.chat_user_id
     WHERE s.status = 'waiting';
    IF v_in_department >= p_per_department THEN
        RETURN QUERY SELECT 'queue_full'::text, NULL::uuid, NULL::uuid, NULL::timestamptz;
        RETURN;
    END IF;
    IF p_ip IS NOT NULL AND v_from_address >= p_per_address THEN
        RETURN QUERY SELECT 'address_full'::text, NULL::uuid, NULL::uuid, NULL::timestamptz;
        RETURN;
    END IF;
    IF v_user IS NULL THEN
        INSERT INTO chat_users AS u (browser_uuid, is_anonymous, ip_address, user_agent)
        VALUES (p_browser, true, p_ip, p_agent)
        ON CONFLICT (browser_uuid) WHERE deleted_at IS NULL
        DO UPDATE SET ip_address = coalesce(EXCLUDED.ip_address, u.ip_address),
                      user_agent = coalesce(EXCLUDED.user_agent, u.user_agent),
                      updated_at = now()
        RETURNING u.id INTO v_user;
    END IF;
    RETURN QUERY
        INSERT INTO chat_sessions AS s (chat_user_id, department_id, topic, topic_code, priority,
                                        language, visitor_token_hash, started_at, queued_at,
                                        consent_at, consent_notice)
        VALUES (v_user, p_department, p_topic, p_topic_code, p_priority, p_language, p_token,
                p_started, p_started, CASE WHEN p_consent IS NULL THEN NULL ELSE p_started END,
                p_consent)
        RETURNING NULL::text, s.id, s.chat_user_id, s.started_at;
END $$;
