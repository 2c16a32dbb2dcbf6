-- Files are personal data too: when a session's personal data is erased (erase_subject) or its
-- messages pass their retention (both set personal_data_erased_at), its attachments go with them.
-- The messages that carried them keep their place in the conversation ("[dihapus]"), without the file.
CREATE FUNCTION erase_session_attachments() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE chat_messages SET attachment_id = NULL
     WHERE session_id = NEW.id AND attachment_id IS NOT NULL;
    DELETE FROM chat_attachments WHERE session_id = NEW.id;
    RETURN NEW;
END;
$$;

CREATE TRIGGER chat_sessions_erase_attachments
    AFTER UPDATE OF personal_data_erased_at ON chat_sessions
    FOR EACH ROW
    WHEN (OLD.personal_data_erased_at IS NULL AND NEW.personal_data_erased_at IS NOT NULL)
    EXECUTE FUNCTION erase_session_attachments();
