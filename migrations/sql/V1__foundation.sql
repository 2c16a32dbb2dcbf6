-- OSS LiveChat: the record of truth.
-- The seed's tables (chat_users, chat_sessions, chat_session_contacts) keep their names and
-- columns; we add what a help desk needs around them: departments, staff users and messages.

CREATE TABLE departments (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code        varchar(50)  NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]*$'),
    name        varchar(255) NOT NULL,
    -- where messages left while nobody of the department is online are mailed
    email       varchar(255),
    -- sessions started without a department go here; at most one default
    is_default  boolean      NOT NULL DEFAULT false,
    active      boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX departments_single_default ON departments (is_default) WHERE is_default;

-- Staff: agents, supervisors and admins. The seed's chat_sessions.agent_id references users(id).
CREATE TABLE users (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username          varchar(64)  NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]*$'),
    display_name      varchar(255) NOT NULL,
    email             varchar(255),
    password_hash     varchar(100) NOT NULL,
    role              varchar(20)  NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
    status            varchar(20)  NOT NULL DEFAULT 'offline' CHECK (status IN ('online', 'away', 'offline')),
    max_chats         integer      NOT NULL DEFAULT 3 CHECK (max_chats BETWEEN 0 AND 50),
    active            boolean      NOT NULL DEFAULT true,
    status_changed_at timestamptz  NOT NULL DEFAULT now(),
    -- routing breaks ties by the longest idle agent
    last_assigned_at  timestamptz,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE user_departments (
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    department_id uuid NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, department_id)
);
CREATE INDEX user_departments_department ON user_departments (department_id);

-- Portal visitors. A row is either anonymous (a browser_uuid) or an OSS account (an
-- oss_user_id, proven by identity_hash). Linking moves an anonymous row's sessions to the
-- account's row and retires the anonymous row (deleted_at, merged_into).
CREATE TABLE chat_users (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    browser_uuid uuid,
    oss_user_id  varchar(255),
    email        varchar(255),
    is_anonymous boolean     NOT NULL DEFAULT true,
    ip_address   varchar(45),
    user_agent   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    deleted_at   timestamptz,
    merged_into  uuid REFERENCES chat_users (id),
    CHECK (is_anonymous = (oss_user_id IS NULL)),
    CHECK (browser_uuid IS NOT NULL OR oss_user_id IS NOT NULL)
);
-- unique among live rows: a retired anonymous row keeps its browser_uuid for the record
CREATE UNIQUE INDEX chat_users_browser_uuid ON chat_users (browser_uuid) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX chat_users_oss_user_id ON chat_users (oss_user_id) WHERE deleted_at IS NULL;

CREATE TABLE chat_sessions (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    chat_user_id         uuid         NOT NULL REFERENCES chat_users (id),
    agent_id             uuid REFERENCES users (id),
    department_id        uuid         NOT NULL REFERENCES departments (id),
    topic                varchar(255) NOT NULL,
    status               varchar(50)  NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'active', 'closed')),
    priority             varchar(50)  NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    -- the queue serves urgent first: a number sorts where the word does not
    priority_rank        smallint GENERATED ALWAYS AS (
                             CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END
                         ) STORED,
    language             varchar(5)   NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
    -- SHA-256 of the visitor_token; the token itself is only ever known to the visitor
    visitor_token_hash   bytea        NOT NULL UNIQUE,
    started_at           timestamptz  NOT NULL DEFAULT now(),
    -- when the session (re)entered the queue; a requeued session keeps its place by age
    queued_at            timestamptz  NOT NULL DEFAULT now(),
    -- first assignment (wait time = started_at -> assigned_at)
    assigned_at          timestamptz,
    -- assignment to the current agent (unanswered-assignment timeout)
    agent_assigned_at    timestamptz,
    -- first agent message (first response time = assigned_at -> first_response_at)
    first_response_at    timestamptz,
    -- has the current agent written since agent_assigned_at
    agent_answered       boolean      NOT NULL DEFAULT false,
    previous_agent_id    uuid REFERENCES users (id),
    ended_at             timestamptz,
    close_reason         varchar(50),
    -- the highest message sequence number handed out; messages are numbered 1, 2, 3 ...
    last_seq             integer      NOT NULL DEFAULT 0,
    visitor_read_seq     integer      NOT NULL DEFAULT 0,
    agent_read_seq       integer      NOT NULL DEFAULT 0,
    visitor_last_seen_at timestamptz  NOT NULL DEFAULT now(),
    CHECK ((status = 'closed') = (ended_at IS NOT NULL)),
    CHECK (status <> 'active' OR agent_id IS NOT NULL),
    CHECK (status <> 'waiting' OR agent_id IS NULL)
);
-- the queue: per department, by priority then age
CREATE INDEX chat_sessions_queue ON chat_sessions (department_id, priority_rank, queued_at) WHERE status = 'waiting';
-- an agent's load and active chats
CREATE INDEX chat_sessions_agent_active ON chat_sessions (agent_id) WHERE status = 'active';
-- a visitor's history, newest first, with a (started_at, id) cursor
CREATE INDEX chat_sessions_history ON chat_sessions (chat_user_id, started_at DESC, id DESC);
-- analytics over a date range
CREATE INDEX chat_sessions_started ON chat_sessions (started_at);

CREATE TABLE chat_session_contacts (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id    uuid         NOT NULL UNIQUE REFERENCES chat_sessions (id) ON DELETE CASCADE,
    contact_name  varchar(255) NOT NULL,
    contact_email varchar(255),
    contact_phone varchar(50),
    position      varchar(255),
    company_name  varchar(255),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);

-- Messages, numbered per session without gaps. A client-chosen id makes a resend idempotent.
CREATE TABLE chat_messages (
    session_id    uuid        NOT NULL REFERENCES chat_sessions (id) ON DELETE CASCADE,
    seq           integer     NOT NULL CHECK (seq > 0),
    client_msg_id varchar(64) NOT NULL,
    sender_type   varchar(10) NOT NULL CHECK (sender_type IN ('visitor', 'agent', 'system')),
    sender_id     uuid,
    sender_name   varchar(255),
    body          text        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
    sent_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, seq),
    UNIQUE (session_id, client_msg_id)
);

-- Every installation has a department to take chats that name none.
INSERT INTO departments (code, name, is_default) VALUES ('umum', 'Layanan Umum', true);
