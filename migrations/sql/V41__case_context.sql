-- The citizen's case as context (issue 20, item 3): what the OSS portal passes when a chat starts,
-- and the admins' rules that route a chat by it.

-- A session's case, as the portal passed it. verified: its context_hash proved that the portal's
-- backend signed it (HMAC-SHA256 with OSS_IDENTITY_SECRET over the canonical JSON); an unverified
-- case is shown to staff as such and never routes.
CREATE TABLE session_contexts (
    session_id         uuid PRIMARY KEY REFERENCES chat_sessions (id) ON DELETE CASCADE,
    nib                varchar(13),
    application_number varchar(64),
    kbli               varchar(5)[] NOT NULL DEFAULT '{}',
    licence_type       varchar(100),
    province           varchar(100),
    verified           boolean      NOT NULL,
    received_at        timestamptz  NOT NULL DEFAULT now()
);
-- analytics by licence type and province, of verified cases
CREATE INDEX session_contexts_verified ON session_contexts (licence_type, province) WHERE verified;

-- Routing rules, tried in position order; the first that matches a verified case sends the chat to
-- its department. field kbli: a KBLI code of the case starts with match (1 to 5 digits);
-- licence_type and province: equal to match, case ignored.
CREATE TABLE routing_rules (
    position      integer      PRIMARY KEY,
    field         varchar(20)  NOT NULL CHECK (field IN ('kbli', 'licence_type', 'province')),
    match         varchar(100) NOT NULL,
    department_id uuid         NOT NULL REFERENCES departments (id) ON DELETE CASCADE
);
