-- Issue 14, the desk's half: staff-only messages through the grouped append, chats taken by hand,
-- and automatic routing for agents only.

-- append_messages (V5) with a staff-only flag per message (chat_messages.internal, V7). Everything
-- else is as before: an earlier copy with the same client id comes back as a duplicate; otherwise
-- the session's row lock is taken, its next number handed out and the message inserted; a closed
-- or unknown session stores nothing and gets no row.
DROP FUNCTION append_messages(uuid[], text[], text[], uuid[], text[], text[]);

CREATE FUNCTION append_messages(
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

-- claim_session (V2) learns whether the agent took the chat itself (by hand: it then does not go
-- back to the queue on the unanswered timeout while that agent is online). A claim not made by
-- hand (routing, or a supervisor assigning) goes only to role 'agent': supervisors and admins are
-- never handed chats. Lock order as before: the agent's row, then the session's.
DROP FUNCTION claim_session(uuid, uuid);

CREATE FUNCTION claim_session(p_session uuid, p_agent uuid, p_by_hand boolean)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v_max  integer;
    v_load integer;
BEGIN
    SELECT max_chats INTO v_max FROM users
     WHERE id = p_agent AND active AND (p_by_hand OR role = 'agent') FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 'no_agent';
    END IF;
    SELECT count(*) INTO v_load FROM chat_sessions WHERE agent_id = p_agent AND status = 'active';
    IF v_load >= v_max THEN
        RETURN 'agent_full';
    END IF;
    UPDATE chat_sessions
       SET status = 'active', agent_id = p_agent,
           assigned_at = coalesce(assigned_at, now()), agent_assigned_at = now(), agent_answered = false,
           taken_by_hand = p_by_hand
     WHERE id = p_session AND status = 'waiting';
    IF NOT FOUND THEN
        RETURN 'not_waiting';
    END IF;
    UPDATE users SET last_assigned_at = now() WHERE id = p_agent;
    RETURN 'ok';
END $$;

-- A chat handed on to another agent was not taken by that agent's hand.
CREATE OR REPLACE FUNCTION transfer_session_to_agent(p_session uuid, p_agent uuid)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v_max  integer;
    v_load integer;
BEGIN
    SELECT max_chats INTO v_max FROM users WHERE id = p_agent AND active FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 'no_agent';
    END IF;
    SELECT count(*) INTO v_load FROM chat_sessions WHERE agent_id = p_agent AND status = 'active';
    IF v_load >= v_max THEN
        RETURN 'agent_full';
    END IF;
    UPDATE chat_sessions
       SET previous_agent_id = agent_id, agent_id = p_agent, agent_assigned_at = now(),
           agent_answered = false, taken_by_hand = false
     WHERE id = p_session AND status = 'active' AND agent_id IS DISTINCT FROM p_agent;
    IF NOT FOUND THEN
        RETURN 'not_active';
    END IF;
    UPDATE users SET last_assigned_at = now() WHERE id = p_agent;
    RETURN 'ok';
END $$;

-- claim_sessions (V6), routing's page claim: as before, but only role 'agent' is handed chats (a
-- plan made before an account became a supervisor must not hand it one).
CREATE OR REPLACE FUNCTION claim_sessions(p_sessions uuid[], p_agents uuid[])
RETURNS TABLE (session_id uuid, result text) LANGUAGE plpgsql AS $$
DECLARE
    i      integer;
    v_max  integer;
    v_load integer;
BEGIN
    IF coalesce(array_length(p_sessions, 1), 0) <> coalesce(array_length(p_agents, 1), 0) THEN
        RAISE EXCEPTION 'claim_sessions: % sessions but % agents',
            array_length(p_sessions, 1), array_length(p_agents, 1);
    END IF;
    PERFORM 1 FROM users u WHERE u.id = ANY (p_agents) ORDER BY u.id FOR UPDATE;
    PERFORM 1 FROM chat_sessions s WHERE s.id = ANY (p_sessions) ORDER BY s.id FOR UPDATE;
    FOR i IN 1 .. coalesce(array_length(p_sessions, 1), 0) LOOP
        session_id := p_sessions[i];
        SELECT u.max_chats INTO v_max FROM users u
         WHERE u.id = p_agents[i] AND u.active AND u.role = 'agent';
        IF NOT FOUND THEN
            result := 'no_agent';
            RETURN NEXT;
            CONTINUE;
        END IF;
        SELECT count(*) INTO v_load FROM chat_sessions s
         WHERE s.agent_id = p_agents[i] AND s.status = 'active';
        IF v_load >= v_max THEN
            result := 'agent_full';
            RETURN NEXT;
            CONTINUE;
        END IF;
        UPDATE chat_sessions s
           SET status = 'active', agent_id = p_agents[i],
               assigned_at = coalesce(s.assigned_at, now()), agent_assigned_at = now(),
               agent_answered = false, taken_by_hand = false
         WHERE s.id = p_sessions[i] AND s.status = 'waiting';
        IF NOT FOUND THEN
            result := 'not_waiting';
            RETURN NEXT;
            CONTINUE;
        END IF;
        UPDATE users u SET last_assigned_at = now() WHERE u.id = p_agents[i];
        result := 'ok';
        RETURN NEXT;
    END LOOP;
END $$;
