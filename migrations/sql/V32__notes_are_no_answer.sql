-- Issue 19 item 2: agents write staff-only notes in a chat (POST /api/chat/session/:id/notes),
-- stored as chat_messages with sender_type 'agent' and internal = true.
--
-- A note is not an answer to the visitor: it must not set the chat's first response time
-- (analytics) nor count as the agent having answered (the unanswered timeout would then never
-- hand the chat back). append_messages (V8) as before, but only a message the visitor sees counts.
CREATE OR REPLACE FUNCTION append_messages(
    p_sessions uuid[], p_clients text[], p_senders text[], p_sender_ids uuid[], p_names text[],
    p_bodies text[], p_internal boolean[])
RETURNS TABLE (ord integer, seq integer, client_msg_id varchar, sender_type varchar,
               sender_id uuid, sender_name varchar, body text, sent_at timestamptz,
               internal boolean, duplicate boolean, status varchar, department_id uuid,
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
                   m.sent_at, m.internal, true, NULL::varchar, NULL::uuid, NULL::timestamptz
              FROM chat_messages m
             WHERE m.session_id = p_sessions[i] AND m.client_msg_id = p_clients[i];
        IF FOUND THEN
            CONTINUE;
        END IF;
        UPDATE chat_sessions s
           SET last_seq = s.last_seq + 1,
               first_response_at = CASE WHEN p_senders[i] = 'agent' AND NOT coalesce(p_internal[i], false) THEN coalesce(s.first_response_at, now())
                                        ELSE s.first_response_at END,
               agent_answered = s.agent_answered
                                OR (p_senders[i] = 'agent' AND NOT coalesce(p_internal[i], false)
                                    AND s.agent_id IS NOT DISTINCT FROM p_sender_ids[i]),
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
                   (session_id, seq, client_msg_id, sender_type, sender_id, sender_name, body, internal)
            VALUES (p_sessions[i], v_seq, p_clients[i], p_senders[i], p_sender_ids[i],
                    coalesce(p_names[i],
                             CASE WHEN p_senders[i] = 'visitor'
                                  THEN (SELECT c.contact_name FROM chat_session_contacts c
                                         WHERE c.session_id = p_sessions[i]) END),
                    p_bodies[i], coalesce(p_internal[i], false))
            RETURNING i, m.seq, m.client_msg_id, m.sender_type, m.sender_id, m.sender_name, m.body,
                      m.sent_at, m.internal, false, v_status, v_dept, v_seen;
    END LOOP;
END $$;
