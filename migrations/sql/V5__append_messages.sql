-- Appends several messages in one statement and one commit. The server groups the messages that
-- arrive while earlier appends are still in flight, so under load a commit (and its WAL flush)
-- carries many messages instead of one. Each element does exactly what the single append does:
-- an earlier copy with the same client id comes back as a duplicate; otherwise the session's row
-- lock is taken, its next number handed out and the message inserted; a closed or unknown
-- session stores nothing and gets no row. Callers pass the elements sorted by session, so two
-- batches always lock sessions in the same order and cannot deadlock.
CREATE FUNCTION append_messages(
    p_sessions uuid[], p_clients text[], p_senders text[], p_sender_ids uuid[], p_names text[],
    p_bodies text[])
RETURNS TABLE (ord integer, seq integer, client_msg_id varchar, sender_type varchar,
               sender_id uuid, sender_name varchar, body text, sent_at timestamptz,
               duplicate boolean, status varchar, department_id uuid,
               visitor_last_seen_at timestamptz)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    i        integer;
    v_seq    integer;
    v_status varchar;
    v_dept   uuid;
    v_seen   timestamptz;
BEGIN
    FOR i IN 1 .. coalesce(array_length(p_sessions, 1), 0) LOOP
        RETURN QUERY
            SELECT i, m.seq, m.client_msg_id, m.sender_type, m.sender_id, m.sender_name, m.body,
                   m.sent_at, true, NULL::varchar, NULL::uuid, NULL::timestamptz
              FROM chat_messages m
             WHERE m.session_id = p_sessions[i] AND m.client_msg_id = p_clients[i];
        IF FOUND THEN
            CONTINUE;
        END IF;
        UPDATE chat_sessions s
           SET last_seq = s.last_seq + 1,
               first_response_at = CASE WHEN p_senders[i] = 'agent' THEN coalesce(s.first_response_at, now())
                                        ELSE s.first_response_at END,
               agent_answered = s.agent_answered
                                OR (p_senders[i] = 'agent' AND s.agent_id IS NOT DISTINCT FROM p_sender_ids[i]),
               visitor_last_seen_at = CASE WHEN p_senders[i] = 'visitor' THEN now()
                                           ELSE s.visitor_last_seen_at END
         WHERE s.id = p_sessions[i] AND s.status <> 'closed'
        RETURNING s.last_seq, s.status, s.department_id, s.visitor_last_seen_at
             INTO v_seq, v_status, v_dept, v_seen;
        IF NOT FOUND THEN
            CONTINUE;
        END IF;
        RETURN QUERY
            INSERT INTO chat_messages AS m
                   (session_id, seq, client_msg_id, sender_type, sender_id, sender_name, body)
            VALUES (p_sessions[i], v_seq, p_clients[i], p_senders[i], p_sender_ids[i],
                    coalesce(p_names[i],
                             CASE WHEN p_senders[i] = 'visitor'
                                  THEN (SELECT c.contact_name FROM chat_session_contacts c
                                         WHERE c.session_id = p_sessions[i]) END),
                    p_bodies[i])
            RETURNING i, m.seq, m.client_msg_id, m.sender_type, m.sender_id, m.sender_name, m.body,
                      m.sent_at, false, v_status, v_dept, v_seen;
    END LOOP;
END $$;
