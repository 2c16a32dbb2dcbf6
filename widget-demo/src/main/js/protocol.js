/**
 * The visitor WebSocket's frames (docs/API.md, "WebSocket"), built and read here, and the
 * reconnect schedule. Pure: the socket itself is realtime.js's.
 */

export const auth = (token) => ({ type: 'auth', token });
export const resume = (sessionId, afterSeq) => ({ type: 'resume', session_id: sessionId, after_seq: afterSeq });
export const ping = () => ({ type: 'ping' });
export const sendMessage = (sessionId, clientMsgId, text) =>
  ({ type: 'message.send', session_id: sessionId, client_msg_id: clientMsgId, text });
export const typing = (sessionId, isTyping) => ({ type: 'typing', session_id: sessionId, typing: isTyping });
export const read = (sessionId, upToSeq) => ({ type: 'read', session_id: sessionId, up_to_seq: upToSeq });

/** A received frame, or null when it is not JSON or has no type (ignored, never fatal). */
export function parseFrame(data) {
  let frame;
  try {
    frame = JSON.parse(data);
  } catch {
    return null;
  }
  return frame && typeof frame.type === 'string' ? frame : null;
}

/** The queue as the widget keeps it, from a queue.position frame. */
export function queueFromFrame(frame) {
  return { position: frame.position, wait: frame.expected_wait_seconds, online: frame.agents_online };
}

/** The queue from a session view or /start answer: null unless it waits with a position. */
export function queueFromView(view) {
  return view.queue_position != null
    ? { position: view.queue_position, wait: view.expected_wait_seconds, online: view.agents_online }
    : null;
}

/** The code the server closes a socket with when its token no longer opens the session. */
export const CLOSE_UNAUTHORIZED = 4401;

/**
 * Milliseconds before reconnect number attempt (0 first): 1 s doubling to 30 s, of which a random
 * half (random in [0, 1)) so that many widgets do not come back at the same instant.
 */
export function reconnectDelay(attempt, random) {
  const base = Math.min(30000, 1000 * Math.pow(2, Math.min(attempt, 5)));
  return base / 2 + (random * base) / 2;
}
