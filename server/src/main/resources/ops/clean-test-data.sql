-- Removes what load-test-data.sql added, and nothing else: its visitors are marked by their
-- user agent. Their sessions' messages and contacts go with the sessions (ON DELETE CASCADE).
DELETE FROM chat_sessions
 WHERE chat_user_id IN (SELECT id FROM chat_users WHERE user_agent = 'oss-livechat-test-data');
DELETE FROM chat_users WHERE user_agent = 'oss-livechat-test-data';
