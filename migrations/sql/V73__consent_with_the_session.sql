-- Issue 18: a visitor agrees to the privacy notice to start a chat, before any contact form. The
-- agreement is kept with the session from its start (when, and which notice version), so a chat
-- whose visitor never fills in the form still has its record of consent. Null when no notice was
-- shown (none configured). The contact's own consent_at (V60) stays for the form.
ALTER TABLE chat_sessions ADD COLUMN consent_at timestamptz;
ALTER TABLE chat_sessions ADD COLUMN consent_notice varchar(40);
