-- Routing claims a waiting session for an agent in one atomic step, so two server nodes or two
-- agents can never take the same session and no agent ever exceeds max_chats.
--
-- It is a function rather than one UPDATE because the agent's load must be counted after the
-- agent's row is locked: in READ COMMITTED each statement of a volatile function takes a fresh
-- snapshot, so the count sees every claim committed while this one waited for the lock. A
-- single statement would count with a snapshot from before the wait.
--
-- Locks are always taken agent first, then session, here and in transfer_session_to_agent.
CREATE FUNCTION claim_session(p_session uuid, p_agent uuid)
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
       SET status = 'active', agent_id = p_agent,
           assigned_at = coalesce(assigned_at, now()), agent_assigned_at = now(), agent_answered = false
     WHERE id = p_session AND status = 'waiting';
    IF NOT FOUND THEN
        RETURN 'not_waiting';
    END IF;
    UPDATE users SET last_assigned_at = now() WHERE id = p_agent;
    RETURN 'ok';
END $$;

-- Hands an active session from its agent to another, under the same limit rule.
CREATE FUNCTION transfer_session_to_agent(p_session uuid, p_agent uuid)
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
       SET previous_agent_id = agent_id, agent_id = p_agent, agent_assigned_at = now(), agent_answered = false
     WHERE id = p_session AND status = 'active' AND agent_id IS DISTINCT FROM p_agent;
    IF NOT FOUND THEN
        RETURN 'not_active';
    END IF;
    UPDATE users SET last_assigned_at = now() WHERE id = p_agent;
    RETURN 'ok';
END $$;

ALTER TABLE chat_sessions ADD COLUMN closed_by uuid REFERENCES users (id);

-- routing reads the online agents of a department with their load
CREATE INDEX users_online ON users (status) WHERE active AND status = 'online';
