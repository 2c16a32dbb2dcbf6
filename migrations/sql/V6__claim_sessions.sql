-- Routing claims a whole plan in one call: one round trip and one commit for up to a batch of
-- sessions, instead of one of each per session. A burst of new chats otherwise queues behind its
-- own commits (about 5 ms each with synchronous commit).
--
-- Each pair is claimed by the same rules as claim_session (the agent's load counted after its row
-- is locked, the session only if still waiting), and every pair gets its own result, so a pair
-- lost to another node or a full agent does not undo the others.
--
-- Lock order, to stay deadlock-free against other nodes' plans and single claims: all the plan's
-- agents first, by id; then all its sessions, by id; then the work. claim_session and
-- transfer_session_to_agent take one agent and then one session, which fits the same order.
CREATE FUNCTION claim_sessions(p_sessions uuid[], p_agents uuid[])
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
        SELECT u.max_chats INTO v_max FROM users u WHERE u.id = p_agents[i] AND u.active;
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
               agent_answered = false
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
