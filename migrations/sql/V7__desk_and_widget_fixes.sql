-- What the desk and the widget need to stop losing citizens and context (issue 14).

-- A staff-only message (a transfer note, a note for colleagues): it has its place in the
-- session's numbering, but no visitor socket, visitor history or mailed transcript ever shows it.
ALTER TABLE chat_messages ADD COLUMN internal boolean NOT NULL DEFAULT false;

-- When the visitor of a waiting chat went away after writing something. Such a chat is a left
-- message: it is never closed as abandoned; it waits for an agent, whose reply reaches the visitor
-- in the widget on return and by mail.
ALTER TABLE chat_sessions ADD COLUMN left_message_at timestamptz;

-- The topic as a code from the widget's list (null for a free-text topic), so that agents and
-- reports read one topic in their own language whatever language the visitor chose it in.
ALTER TABLE chat_sessions ADD COLUMN topic_code varchar(40)
    CHECK (topic_code IS NULL OR topic_code ~ '^[a-z0-9][a-z0-9_-]*$');

-- The current agent took the chat from the queue itself: the unanswered timeout does not pull it
-- back while that agent is online.
ALTER TABLE chat_sessions ADD COLUMN taken_by_hand boolean NOT NULL DEFAULT false;
