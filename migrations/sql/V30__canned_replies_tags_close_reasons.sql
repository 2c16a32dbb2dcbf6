-- Issue 19: what agents reach for all day. Canned replies, tags and close reasons.

-- Canned replies: a shortcut the agent types after "/" in the composer, and the text it expands
-- to (with placeholders the desktop fills in: {nama_pengunjung}, {nama_agen}, {topik} and their
-- English spellings). A reply is either shared by a department (managed by supervisors and admins)
-- or personal (its owner's own); one shortcut names one reply per scope and language, so "nib"
-- may exist once in Indonesian and once in English.
CREATE TABLE canned_responses (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    shortcut      varchar(32) NOT NULL CHECK (shortcut ~ '^[a-z0-9][a-z0-9_-]*$'),
    body          text        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
    language      varchar(5)  NOT NULL CHECK (language IN ('id', 'en')),
    department_id uuid REFERENCES departments (id) ON DELETE CASCADE,
    owner_id      uuid REFERENCES users (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    -- shared or personal, never both
    CHECK ((department_id IS NULL) <> (owner_id IS NULL))
);
CREATE UNIQUE INDEX canned_responses_shared_shortcut
    ON canned_responses (department_id, shortcut, language) WHERE department_id IS NOT NULL;
CREATE UNIQUE INDEX canned_responses_personal_shortcut
    ON canned_responses (owner_id, shortcut, language) WHERE owner_id IS NOT NULL;

-- Tags agents put on chats (what a chat was about), defined by admins. A tag is retired, never
-- deleted, so the reports of past months keep it.
CREATE TABLE tags (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code       varchar(40) NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]*$'),
    label_id   varchar(80) NOT NULL CHECK (char_length(label_id) >= 1),
    label_en   varchar(80) NOT NULL CHECK (char_length(label_en) >= 1),
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE session_tags (
    session_id uuid        NOT NULL REFERENCES chat_sessions (id) ON DELETE CASCADE,
    tag_id     uuid        NOT NULL REFERENCES tags (id),
    tagged_by  uuid REFERENCES users (id),
    tagged_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, tag_id)
);
-- reports filtered by a tag
CREATE INDEX session_tags_tag ON session_tags (tag_id);

-- Close reasons (disposition codes): why a chat ended, chosen from a list admins keep. Retired,
-- never deleted, like tags.
CREATE TABLE close_reasons (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code       varchar(40) NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]*$'),
    label_id   varchar(80) NOT NULL CHECK (char_length(label_id) >= 1),
    label_en   varchar(80) NOT NULL CHECK (char_length(label_en) >= 1),
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The code the agent chose on closing (null: none chosen). close_reason keeps the free text (or,
-- without one, the code), so clients that know only close_reason read something meaningful.
ALTER TABLE chat_sessions ADD COLUMN close_reason_code varchar(40) REFERENCES close_reasons (code);
CREATE INDEX chat_sessions_close_reason_code ON chat_sessions (close_reason_code)
    WHERE close_reason_code IS NOT NULL;

-- A help desk starts with the dispositions and tags it needs most; admins add, rename and retire.
INSERT INTO close_reasons (code, label_id, label_en) VALUES
    ('terjawab', 'Pertanyaan terjawab', 'Question answered'),
    ('dirujuk', 'Dirujuk ke instansi lain', 'Referred to another agency'),
    ('tindak-lanjut', 'Perlu tindak lanjut', 'Needs follow-up'),
    ('tidak-relevan', 'Tidak relevan / spam', 'Off-topic / spam');
INSERT INTO tags (code, label_id, label_en) VALUES
    ('nib', 'NIB', 'NIB'),
    ('kbli', 'KBLI', 'KBLI'),
    ('pkkpr', 'PKKPR', 'PKKPR'),
    ('akun', 'Akun OSS', 'OSS account'),
    ('pengaduan', 'Pengaduan', 'Complaint');
