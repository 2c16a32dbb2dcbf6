/**
 * The visitor WebSocket: auth first, then resume after the last seq we have. Reconnects with
 * exponential backoff; while it is down the REST endpoints carry messages and status (a poll).
 */

import { api, sessionPath } from './api.js';
import { config } from './config.js';
import { applyAck, applyMessage, flushOutbox, sendReadIfSeen } from './conversation.js';
import { t } from './i18n.js';
import { findMessage } from './messages.js';
import * as protocol from './protocol.js';
import { refreshSession, saveSession, statusChanged } from './session.js';
import { state } from './state.js';
import { fieldReason } from './validation.js';
import { hideTyping, renderBanner, renderStatus, showTyping, updateMessageView } from './view/chat.js';
import { announce, render } from './view/root.js';

let ws = null;
let ready = false; // authenticated and resumed: frames may be sent
let attempt = 0;
let reconnectTimer = null;
let pingTimer = null;
let pollTimer = null;
let stopped = true;
let restMessages = true; // false: the server has no REST message endpoints (asked again after 60 s)
let restCheckedAt = 0;

/** Connects for the current session (and polls until the socket is ready). */
export function start() {
  if (!state.session || state.session.status === 'closed') return;
  stopped = false;
  if (!ws) connect();
  schedulePoll(0);
}

export function stop() {
  stopped = true;
  clearTimeout(reconnectTimer);
  clearTimeout(pollTimer);
  clearInterval(pingTimer);
  const old = ws;
  ws = null;
  ready = false;
  if (old) {
    try {
      old.close(1000);
    } catch {
      /* ignore */
    }
  }
  setConn('idle');
}

function url() {
  return config.server.replace(/^http/, 'ws') + '/ws/visitor';
}

function connect() {
  const s = state.session;
  clearTimeout(reconnectTimer);
  if (stopped || !s || s.status === 'closed' || typeof WebSocket !== 'function') return;
  let socket;
  try {
    socket = new WebSocket(url());
  } catch {
    scheduleReconnect();
    return;
  }
  ws = socket;
  ready = false;
  if (state.conn !== 'offline') setConn('connecting');
  socket.onopen = () => {
    socket.send(JSON.stringify(protocol.auth(s.token)));
  };
  socket.onmessage = (event) => {
    if (ws !== socket) return;
    const frame = protocol.parseFrame(event.data);
    if (frame) handle(frame, socket, s);
  };
  socket.onclose = (event) => {
    if (ws !== socket) return;
    ws = null;
    ready = false;
    clearInterval(pingTimer);
    if (stopped) return;
    if (event.code === protocol.CLOSE_UNAUTHORIZED) {
      // the token no longer opens this session: ask the server what became of it
      refreshSession().catch(() => {});
      return;
    }
    if (state.conn === 'online' || state.conn === 'connecting') setConn('rest');
    scheduleReconnect();
    schedulePoll(0);
  };
  socket.onerror = () => {
    /* onclose follows */
  };
}

function scheduleReconnect() {
  if (stopped) return;
  const delay = protocol.reconnectDelay(attempt, Math.random());
  attempt += 1;
  clearTimeout(reconnectTimer);
  reconnectTimer = setTimeout(connect, delay);
}

/** The page is visible or online again: reconnect now rather than at the next backoff. */
export function reconnectNow() {
  if (stopped || ws) return;
  attempt = 0;
  connect();
  schedulePoll(0);
}

/** The visitor pressed "try again": reconnect and poll now. */
export function retryNow() {
  attempt = 0;
  if (!ws) connect();
  schedulePoll(0);
}

/** Sends a frame if the socket is ready; false when the caller must use REST or wait. */
export function send(frame) {
  if (!ws || !ready || ws.readyState !== 1) return false;
  try {
    ws.send(JSON.stringify(frame));
    return true;
  } catch {
    return false;
  }
}

function handle(frame, socket, s) {
  if (state.session !== s) return;
  switch (frame.type) {
    case 'auth.ok':
      socket.send(JSON.stringify(protocol.resume(s.id, s.lastSeq)));
      break;
    case 'resume.done':
      ready = true;
      attempt = 0;
      setConn('online');
      clearTimeout(pollTimer);
      clearInterval(pingTimer);
      pingTimer = setInterval(() => send(protocol.ping()), 25000);
      flushOutbox();
      sendReadIfSeen();
      break;
    case 'message.new':
      applyMessage(frame);
      break;
    case 'message.ack':
      applyAck(frame);
      break;
    case 'typing':
      if (frame.sender && frame.sender.type !== 'visitor') {
        if (frame.typing) showTyping(frame.sender.name);
        else hideTyping();
      }
      break;
    case 'read':
      if (frame.reader === 'agent' && frame.up_to_seq > s.agentReadSeq) {
        s.agentReadSeq = frame.up_to_seq;
        saveSession();
        s.messages.forEach((m) => {
          if (m.sender.type === 'visitor') updateMessageView(m);
        });
      }
      break;
    case 'session.updated':
      sessionUpdated(frame, s);
      break;
    case 'queue.position':
      s.frameAt = Date.now();
      s.queue = protocol.queueFromFrame(frame);
      saveSession();
      renderStatus();
      break;
    case 'error':
      handleError(frame, s);
      break;
    default:
      break; // pong and frames of later versions
  }
}

function sessionUpdated(frame, s) {
  s.frameAt = Date.now();
  const before = s.status;
  s.status = frame.status || s.status;
  s.agent = frame.agent || (frame.status === 'waiting' ? null : s.agent);
  s.closeReason = frame.close_reason || null;
  if (s.status !== 'waiting') s.queue = null;
  saveSession();
  statusChanged(before);
  render();
}

function handleError(frame, s) {
  const m = frame.ref ? findMessage(s.messages, null, frame.ref) : null;
  if (m && !m.seq) {
    m.state = 'failed';
    m.error = frame.code === 'session_closed' ? t('ended') : fieldReason(frame.message, t);
    saveSession();
    updateMessageView(m);
  }
  if (frame.code === 'session_closed') refreshSession().catch(() => {});
}

function schedulePoll(delay) {
  clearTimeout(pollTimer);
  if (stopped) return;
  pollTimer = setTimeout(poll, delay);
}

/** The REST fallback while the socket is not ready: status, missed messages, the outbox. */
function poll() {
  const s = state.session;
  if (stopped || !s || ready) return;
  refreshSession()
    .then(() => {
      if (state.session !== s || s.status === 'closed') return undefined;
      if (!ready) setConn('rest');
      flushOutbox();
      return fetchMessages(s);
    })
    .catch(() => setConn('offline'))
    .then(() => {
      if (!ready) schedulePoll(document.visibilityState === 'hidden' ? 30000 : 8000);
    });
}

/** GET /session/:id/messages after the last seq we have, page by page. */
export function fetchMessages(s) {
  if (!restMessages && Date.now() - restCheckedAt < 60000) return Promise.resolve();
  return api('GET', sessionPath(s.id, 'messages'), {
    token: s.token,
    query: { after_seq: s.lastSeq }
  }).then(
    (page) => {
      restMessages = true;
      if (state.session !== s || !page) return undefined;
      (page.messages || []).forEach(applyMessage);
      if (page.has_more && (page.messages || []).length) return fetchMessages(s);
      return undefined;
    },
    (error) => {
      if (error.status === 404 || error.status === 405) {
        restMessages = false; // a server without the REST fallback yet
        restCheckedAt = Date.now();
      } else {
        throw error;
      }
    }
  );
}

function setConn(conn) {
  if (state.conn === conn) return;
  const wasOnline = state.conn === 'online' || state.conn === 'rest';
  state.conn = conn;
  if (conn === 'offline' && wasOnline) announce(t('connLost'));
  renderBanner();
}
