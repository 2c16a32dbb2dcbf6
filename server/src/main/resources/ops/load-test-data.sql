-- Test data for a staging server: 40 visitors (every fourth an OSS account), 120 chats over the
-- last 14 days, closed and rated, with contacts and messages, and 6 chats waiting in the queue.
-- Marked by user_agent = 'oss-livechat-test-data' so clean-test-data.sql removes exactly these.
-- Loading again replaces them (the command runs the clean script first).
INSERT INTO chat_users (browser_uuid, oss_user_id, email, is_anonymous, ip_address, user_agent)
SELECT CASE WHEN g % 4 = 0 THEN NULL ELSE gen_random_uuid() END,
       CASE WHEN g % 4 = 0 THEN 'TESTUSER' || g END,
       CASE WHEN g % 4 = 0 THEN 'testuser' || g || '@example.co.id' END,
       g % 4 <> 0,
       '10.0.0.' || g,
       'oss-livechat-test-data'
  FROM generate_series(1, 40) AS g;

WITH visitors AS (
    SELECT id, row_number() OVER (ORDER BY created_at, id) AS n
      FROM chat_users WHERE user_agent = 'oss-livechat-test-data'
), departments_numbered AS (
    SELECT id, row_number() OVER (ORDER BY is_default DESC, code) AS n, count(*) OVER () AS total
      FROM departments WHERE active
), agents AS (
    SELECT id, row_number() OVER (ORDER BY username) AS n, count(*) OVER () AS total
      FROM users WHERE role = 'agent' AND active
), sessions AS (
    SELECT g,
           now() - make_interval(days => g % 14, hours => g % 9, mins => g % 50) AS started_at,
           (ARRAY['Pertanyaan tentang izin usaha', 'NIB belum terbit', 'Lupa kata sandi akun OSS',
                  'Perubahan data perusahaan', 'Persyaratan izin lokasi'])[1 + g % 5] AS topic,
           (ARRAY['low', 'normal', 'normal', 'high', 'urgent'])[1 + g % 5] AS priority
      FROM generate_series(1, 120) AS g
)
INSERT INTO chat_sessions (chat_user_id, agent_id, department_id, topic, status, priority,
                           visitor_token_hash, started_at, queued_at, assigned_at,
                           agent_assigned_at, first_response_at, agent_answered, ended_at,
                           close_reason, rating, rated_at, visitor_last_seen_at)
SELECT v.id,
       a.id,
       d.id,
       s.topic,
       'closed',
       s.priority,
       sha256(convert_to(gen_random_uuid()::text, 'UTF8')),
       s.started_at,
       s.started_at,
       CASE WHEN a.id IS NOT NULL THEN s.started_at + make_interval(secs => 20 + s.g % 200) END,
       CASE WHEN a.id IS NOT NULL THEN s.started_at + make_interval(secs => 20 + s.g % 200) END,
       CASE WHEN a.id IS NOT NULL THEN s.started_at + make_interval(secs => 60 + s.g % 300) END,
       a.id IS NOT NULL,
       s.started_at + make_interval(mins => 5 + s.g % 25),
       CASE WHEN a.id IS NOT NULL THEN 'resolved' ELSE 'abandoned' END,
       CASE WHEN a.id IS NOT NULL AND s.g % 3 <> 0 THEN 1 + s.g % 5 END,
       CASE WHEN a.id IS NOT NULL AND s.g % 3 <> 0 THEN s.started_at + make_interval(mins => 31) END,
       s.started_at + make_interval(mins => 5 + s.g % 25)
  FROM sessions s
  JOIN visitors v ON v.n = 1 + s.g % 40
  JOIN departments_numbered d ON d.n = 1 + s.g % d.total
  LEFT JOIN agents a ON a.n = 1 + s.g % a.total;

-- six visitors waiting in the queue now
INSERT INTO chat_sessions (chat_user_id, department_id, topic, status, priority,
                           visitor_token_hash, started_at, queued_at, visitor_last_seen_at)
SELECT v.id, (SELECT id FROM departments WHERE is_default), 'Menunggu: status permohonan ' || v.n,
       'waiting', 'normal', sha256(convert_to(gen_random_uuid()::text, 'UTF8')),
       now() - make_interval(mins => v.n::int), now() - make_interval(mins => v.n::int), now()
  FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n
          FROM chat_users WHERE user_agent = 'oss-livechat-test-data') v
 WHERE v.n <= 6;

INSERT INTO chat_session_contacts (session_id, contact_name, contact_email, contact_phone,
                                   position, company_name)
SELECT s.id, 'Kontak Uji ' || left(s.id::text, 8), 'kontak.' || left(s.id::text, 8) || '@example.co.id',
       '+62812' || lpad((abs(hashtext(s.id::text)) % 10000000)::text, 7, '0'), 'Staf', 'PT. Contoh Uji'
  FROM chat_sessions s
  JOIN chat_users u ON u.id = s.chat_user_id AND u.user_agent = 'oss-livechat-test-data';

-- a short conversation in every closed chat that had an agent
WITH closed AS (
    SELECT s.id, s.agent_id, s.started_at
      FROM chat_sessions s
      JOIN chat_users u ON u.id = s.chat_user_id AND u.user_agent = 'oss-livechat-test-data'
     WHERE s.status = 'closed' AND s.agent_id IS NOT NULL
), lines AS (
    SELECT c.id, c.agent_id, c.started_at, l.seq, l.sender, l.body
      FROM closed c
     CROSS JOIN (VALUES (1, 'visitor', 'Selamat siang, saya ingin bertanya tentang izin usaha.'),
                        (2, 'agent', 'Selamat siang, ada yang bisa kami bantu?'),
                        (3, 'visitor', 'NIB saya belum terbit setelah tiga hari.'),
                        (4, 'agent', 'Baik, kami periksa dulu. Mohon ditunggu.')) AS l (seq, sender, body)
)
INSERT INTO chat_messages (session_id, seq, client_msg_id, sender_type, sender_id, body, sent_at)
SELECT id, seq, 'test-data-' || seq, sender, CASE WHEN sender = 'agent' THEN agent_id END, body,
       started_at + make_interval(mins => seq)
  FROM lines;

UPDATE chat_sessions s
   SET last_seq = 4, visitor_read_seq = 4, agent_read_seq = 4
  FROM chat_users u
 WHERE u.id = s.chat_user_id AND u.user_agent = 'oss-livechat-test-data'
   AND s.status = 'closed' AND s.agent_id IS NOT NULL;
