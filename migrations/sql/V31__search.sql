-- Issue 19: staff search message texts, topics and contacts with PostgreSQL's full-text search.
-- The 'simple' configuration lower-cases and splits words without stemming: PostgreSQL has no
-- Indonesian stemmer, and an English one would mangle Indonesian words; licence names (PKKPR,
-- KBLI), numbers (NIB), e-mail addresses and names are matched as typed.

-- Each message's words, stored with the row: ranking and the per-chat check of the newest chats
-- (see R2dbcChatSearch) read them without parsing the text again. Adding the column rewrites the
-- table once (about half a minute per million messages).
ALTER TABLE chat_messages
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED;
-- fastupdate off: every insert updates the index itself, instead of an occasional insert paying
-- for flushing a pending list (a latency spike on the chat's hot path)
CREATE INDEX chat_messages_search ON chat_messages USING gin (search_vector) WITH (fastupdate = off);

-- Topics and contacts are short: indexed as expressions, parsed again only for the rows found.
CREATE INDEX chat_sessions_topic_search ON chat_sessions
    USING gin (to_tsvector('simple', topic)) WITH (fastupdate = off);

-- What a contact is found by: name, e-mail, phone, company.
CREATE FUNCTION chat_contact_document(p_name text, p_email text, p_phone text, p_company text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('simple', concat_ws(' ', p_name, p_email, p_phone, p_company))
$$;
CREATE INDEX chat_session_contacts_search ON chat_session_contacts
    USING gin (chat_contact_document(contact_name, contact_email, contact_phone, company_name))
    WITH (fastupdate = off);

-- How many rows a search for these words may find at most, from the planner's statistics: per
-- source (messages, topics, contacts) the rarest word's estimate (all words must match, so no more
-- rows than the rarest word has), summed over the sources. The search reads every match of a
-- query below a threshold, and otherwise walks the newest chats; see R2dbcChatSearch.
CREATE FUNCTION search_estimate(p_text text) RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_lexemes text[] := tsvector_to_array(to_tsvector('simple', p_text));
    v_lexeme  text;
    v_source  text;
    v_plan    json;
    v_rows    bigint;
    v_fewest  bigint;
    v_total   bigint := 0;
BEGIN
    IF coalesce(array_length(v_lexemes, 1), 0) = 0 THEN
        RETURN 0;
    END IF;
    FOREACH v_source IN ARRAY ARRAY[
        'SELECT 1 FROM chat_messages WHERE search_vector @@ to_tsquery(''simple'', %L)',
        'SELECT 1 FROM chat_sessions WHERE to_tsvector(''simple'', topic) @@ to_tsquery(''simple'', %L)',
        'SELECT 1 FROM chat_session_contacts WHERE chat_contact_document(contact_name, contact_email,'
            || ' contact_phone, company_name) @@ to_tsquery(''simple'', %L)'] LOOP
        v_fewest := NULL;
        FOREACH v_lexeme IN ARRAY v_lexemes LOOP
            EXECUTE 'EXPLAIN (FORMAT JSON) ' || format(v_source, quote_literal(v_lexeme)) INTO v_plan;
            v_rows := (v_plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
            v_fewest := least(coalesce(v_fewest, v_rows), v_rows);
        END LOOP;
        v_total := v_total + v_fewest;
    END LOOP;
    RETURN v_total;
END $$;
