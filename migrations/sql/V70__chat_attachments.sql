-- Issue 20 item 1: files in a chat (PDF, PNG, JPEG, WebP).
--
-- chat_attachments: what a file is (name, sniffed type, size) and which chat it belongs to. Every
-- row hangs off its session (ON DELETE CASCADE), so erasing a session erases its files.
-- chat_attachment_contents: the bytes, written by the PostgreSQL storage adapter
-- (PostgresAttachmentStore); another adapter (an S3-compatible store) would leave it empty.
-- chat_messages.attachment_id: the message that carries the file into the conversation. The
-- attachment, its bytes and that message are written in one transaction: a refused or failed
-- upload leaves none of them.
CREATE TABLE chat_attachments (
    id           uuid         PRIMARY KEY,
    session_id   uuid         NOT NULL REFERENCES chat_sessions (id) ON DELETE CASCADE,
    name         varchar(255) NOT NULL CHECK (char_length(name) > 0),
    content_type varchar(100) NOT NULL,
    size_bytes   integer      NOT NULL CHECK (size_bytes > 0),
    uploaded_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX chat_attachments_session ON chat_attachments (session_id);

CREATE TABLE chat_attachment_contents (
    attachment_id uuid  PRIMARY KEY REFERENCES chat_attachments (id) ON DELETE CASCADE,
    session_id    uuid  NOT NULL REFERENCES chat_sessions (id) ON DELETE CASCADE,
    content       bytea NOT NULL
);

CREATE INDEX chat_attachment_contents_session ON chat_attachment_contents (session_id);

ALTER TABLE chat_messages
    ADD COLUMN attachment_id uuid REFERENCES chat_attachments (id) ON DELETE SET NULL;

CREATE INDEX chat_messages_attachment ON chat_messages (attachment_id)
    WHERE attachment_id IS NOT NULL;
