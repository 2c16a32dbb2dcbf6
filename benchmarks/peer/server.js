'use strict';
/*
 * The benchmark suite's peer (issue 21): the chat OSS LiveChat's server carries, store then
 * deliver, written the way a Node team would write it for production with Socket.IO and
 * PostgreSQL (`pg` with a pool). The suite runs it on the same machine and the same database in
 * the same run, and drives it with the same load as the server.
 *
 * - Visitors and agents connect with Socket.IO (WebSocket only) and sign in in the handshake's
 *   `auth`: a visitor with its session id and token, an agent with its id and token, both checked
 *   against the database. Each socket joins the room of every chat it is part of.
 * - `message.send` ({session_id, client_msg_id, text}, with an acknowledgement) stores the message
 *   as its own row with the session's next number, taken in the same statement (one transaction,
 *   the session row's lock orders writers, synchronous commit), like the server's append: a resend
 *   of a stored client_msg_id gets the stored number back. Then the message goes to the chat's
 *   room as `message.new` (the agent, and the visitor's other sockets) and the sender gets
 *   {seq, sent_at}.
 *
 * Node runs JavaScript on one thread. WORKERS=2 runs a cluster of two processes sharing the port,
 * with @socket.io/cluster-adapter carrying room broadcasts between them; WebSocket-only clients
 * need no sticky sessions. DB_POOL_SIZE is the connections of the whole peer, split between the
 * workers. The database comes from the standard PG* environment variables.
 */
const cluster = require('node:cluster');
const http = require('node:http');
const { Server } = require('socket.io');
const { createAdapter, setupPrimary } = require('@socket.io/cluster-adapter');
const { Pool } = require('pg');

const PORT = Number(process.env.PORT || 3000);
const WORKERS = Math.max(1, Number(process.env.WORKERS || 1));
const DB_POOL_SIZE = Math.max(1, Number(process.env.DB_POOL_SIZE || 10));
const MAX_CHARS = 4000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CLIENT_ID = /^[A-Za-z0-9._:-]{1,64}$/;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS peer_agents (
  id    uuid PRIMARY KEY,
  token text NOT NULL
);
CREATE TABLE IF NOT EXISTS peer_sessions (
  id            uuid PRIMARY KEY,
  visitor_token text        NOT NULL,
  agent_id      uuid        REFERENCES peer_agents (id),
  status        varchar(10) NOT NULL DEFAULT 'active' CHECK (status IN ('waiting', 'active', 'closed')),
  last_seq      integer     NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS peer_sessions_by_agent ON peer_sessions (agent_id) WHERE status = 'active';
CREATE TABLE IF NOT EXISTS peer_messages (
  session_id    uuid        NOT NULL REFERENCES peer_sessions (id) ON DELETE CASCADE,
  seq           integer     NOT NULL CHECK (seq > 0),
  client_msg_id varchar(64) NOT NULL,
  sender_type   varchar(10) NOT NULL CHECK (sender_type IN ('visitor', 'agent')),
  sender_id     uuid,
  body          text        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
  sent_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, seq),
  UNIQUE (session_id, client_msg_id)
);`;

// One statement, so one transaction and one round trip: an earlier copy of this client_msg_id,
// or the session's next number (its row lock serialises writers, so numbers have no gaps) and
// the new row. No row back: the session is closed or unknown.
const APPEND = {
  name: 'append-message',
  text: `
WITH existing AS (
  SELECT seq, sent_at FROM peer_messages WHERE session_id = $1 AND client_msg_id = $2
), numbered AS (
  UPDATE peer_sessions SET last_seq = last_seq + 1
   WHERE id = $1 AND status <> 'closed' AND NOT EXISTS (SELECT 1 FROM existing)
  RETURNING last_seq
), inserted AS (
  INSERT INTO peer_messages (session_id, seq, client_msg_id, sender_type, sender_id, body)
  SELECT $1, last_seq, $2, $3, $4, $5 FROM numbered
  RETURNING seq, sent_at
)
SELECT seq, sent_at, false AS duplicate FROM inserted
UNION ALL
SELECT seq, sent_at, true AS duplicate FROM existing`,
};

const UNIQUE_VIOLATION = '23505';

function chatRoom(sessionId) {
  return `chat:${sessionId}`;
}

async function createSchema() {
  const pool = new Pool({ max: 1 });
  try {
    await pool.query(SCHEMA);
  } finally {
    await pool.end();
  }
}

/** Who the handshake's auth proves, and the chats (rooms) that socket is part of. */
async function signIn(pool, auth) {
  if (auth.role === 'visitor' && UUID.test(auth.session_id) && typeof auth.token === 'string') {
    const { rows } = await pool.query({
      name: 'visitor-sign-in',
      text: "SELECT id FROM peer_sessions WHERE id = $1 AND visitor_token = $2 AND status <> 'closed'",
      values: [auth.session_id, auth.token],
    });
    if (rows.length === 1) {
      return { type: 'visitor', id: null, rooms: [chatRoom(auth.session_id)] };
    }
  } else if (auth.role === 'agent' && UUID.test(auth.agent_id) && typeof auth.token === 'string') {
    const { rows } = await pool.query({
      name: 'agent-sign-in',
      text: `SELECT s.id FROM peer_agents a LEFT JOIN peer_sessions s ON s.agent_id = a.id AND s.status = 'active'
              WHERE a.id = $1 AND a.token = $2`,
      values: [auth.agent_id, auth.token],
    });
    if (rows.length > 0) {
      return {
        type: 'agent',
        id: auth.agent_id,
        rooms: rows.filter((r) => r.id !== null).map((r) => chatRoom(r.id)),
      };
    }
  }
  return null;
}

function problemWith(socket, message) {
  if (message === null || typeof message !== 'object') return 'bad_request';
  if (!UUID.test(message.session_id)) return 'bad_session_id';
  if (typeof message.client_msg_id !== 'string' || !CLIENT_ID.test(message.client_msg_id)) {
    return 'bad_client_msg_id';
  }
  if (typeof message.text !== 'string' || message.text.trim() === '' || message.text.length > MAX_CHARS) {
    return 'bad_text';
  }
  // a socket writes only in the chats whose room it joined when it signed in
  if (!socket.rooms.has(chatRoom(message.session_id))) return 'forbidden';
  return null;
}

async function append(pool, values) {
  try {
    return (await pool.query({ ...APPEND, values })).rows[0];
  } catch (err) {
    // two sends of one client_msg_id at once: the loser hits the unique key; again, it finds
    // the winner's copy
    if (err.code === UNIQUE_VIOLATION) return (await pool.query({ ...APPEND, values })).rows[0];
    throw err;
  }
}

async function onSend(pool, socket, message, ack) {
  const reply = typeof ack === 'function' ? ack : () => {};
  const problem = problemWith(socket, message);
  if (problem) {
    reply({ error: problem });
    return;
  }
  const { user } = socket.data;
  const stored = await append(pool, [
    message.session_id,
    message.client_msg_id,
    user.type,
    user.id,
    message.text,
  ]);
  if (!stored) {
    reply({ error: 'session_closed' });
    return;
  }
  if (!stored.duplicate) {
    socket.to(chatRoom(message.session_id)).emit('message.new', {
      session_id: message.session_id,
      seq: stored.seq,
      client_msg_id: message.client_msg_id,
      sender: { type: user.type, id: user.id },
      text: message.text,
      sent_at: stored.sent_at,
    });
  }
  reply({ session_id: message.session_id, client_msg_id: message.client_msg_id, seq: stored.seq, sent_at: stored.sent_at });
}

function startServer(poolSize, inCluster) {
  const pool = new Pool({ max: poolSize });
  pool.on('error', (err) => console.error('idle database connection failed:', err.message));

  const httpServer = http.createServer();
  const io = new Server(httpServer, {
    transports: ['websocket'],
    serveClient: false,
    // the adapter that carries room broadcasts to the other workers of the cluster
    adapter: inCluster ? createAdapter() : undefined,
  });

  io.use((socket, next) => {
    signIn(pool, socket.handshake.auth || {})
      .then((user) => {
        if (!user) {
          next(new Error('unauthorized'));
          return;
        }
        socket.data.user = user;
        next();
      })
      .catch((err) => {
        console.error('sign-in failed:', err.message);
        next(new Error('unavailable'));
      });
  });

  io.on('connection', (socket) => {
    socket.join(socket.data.user.rooms);
    socket.on('message.send', (message, ack) => {
      onSend(pool, socket, message, ack).catch((err) => {
        console.error('message.send failed:', err.message);
        if (typeof ack === 'function') ack({ error: 'unavailable' });
      });
    });
  });

  httpServer.listen(PORT, () => {
    if (!inCluster) console.log(`peer ready: 1 process on port ${PORT}`);
  });

  const stop = () => {
    io.close();
    pool.end().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function main() {
  if (WORKERS === 1) {
    await createSchema();
    startServer(DB_POOL_SIZE, false);
    return;
  }
  if (cluster.isPrimary) {
    await createSchema();
    setupPrimary();
    let listening = 0;
    cluster.on('listening', () => {
      listening += 1;
      if (listening === WORKERS) console.log(`peer ready: ${WORKERS} workers on port ${PORT}`);
    });
    cluster.on('exit', (worker, code, signal) => {
      console.error(`worker ${worker.process.pid} ended (${signal || code})`);
    });
    for (let i = 0; i < WORKERS; i += 1) cluster.fork();
    const stop = () => {
      for (const worker of Object.values(cluster.workers)) worker.process.kill('SIGTERM');
      process.exit(0);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    return;
  }
  startServer(Math.max(1, Math.floor(DB_POOL_SIZE / WORKERS)), true);
}

main().catch((err) => {
  console.error('the peer could not start:', err);
  process.exit(1);
});
