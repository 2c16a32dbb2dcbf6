import { attachmentOf } from './attachments.js';

/**
 * A conversation's messages as a list: stored ones (with the server's seq) in seq order, unsent
 * ones (no seq yet) after them in the order they were written. Pure: no DOM, no state.
 *
 * A message: {seq, client_msg_id, sender: {type, name}, text, sent_at, state, error, local,
 * attachment}, where state is pending (being sent), queued (waits for a connection), sent, or
 * failed, and attachment the file it carries ({id, name, content_type, size}) or null.
 */

/** The message with this seq, or with this client_msg_id (the visitor's own, before its ack). */
export function findMessage(list, seq, clientMsgId) {
  for (const m of list) {
    if ((seq && m.seq === seq) || (clientMsgId && m.client_msg_id === clientMsgId)) return m;
  }
  return null;
}

/** Puts msg (which has a seq) after every stored message with a lower seq, before unsent ones. */
export function insertInOrder(list, msg) {
  let i = list.length;
  while (i > 0 && (!list[i - 1].seq || list[i - 1].seq > msg.seq)) i--;
  list.splice(i, 0, msg);
}

/** The highest seq in the list, 0 when nothing is stored yet. */
export function highestSeq(list) {
  let last = 0;
  list.forEach((m) => {
    if (m.seq && m.seq > last) last = m.seq;
  });
  return last;
}

/** The highest seq written by an agent or the system: what the visitor has read up to. */
export function lastStaffSeq(list) {
  let last = 0;
  list.forEach((m) => {
    if (m.seq && m.sender.type !== 'visitor' && m.seq > last) last = m.seq;
  });
  return last;
}

/** Messages that were written but not stored yet, to send again when the connection is back. */
export function unsent(list) {
  return list.filter((m) => !m.seq && (m.state === 'pending' || m.state === 'queued'));
}

/** How many messages wait for a connection. */
export function countQueued(list) {
  return list.filter((m) => m.state === 'queued').length;
}

/** Whether the server stored something the visitor wrote: the chat is then a left message. */
export function visitorHasWritten(list) {
  return list.some((m) => m.sender.type === 'visitor' && m.seq);
}

/**
 * What the visitor sees beside their own message: read (the agent read up to it), sent (stored),
 * or the message's own state while it has no seq (pending, queued, failed).
 */
export function deliveryState(m, agentReadSeq) {
  if (m.seq && m.seq <= agentReadSeq) return 'read';
  if (m.seq) return 'sent';
  return m.state;
}

/** A stored message from a message.new frame or a REST page. */
export function messageFromFrame(frame) {
  return {
    seq: frame.seq,
    client_msg_id: frame.client_msg_id,
    sender: frame.sender || { type: 'system' },
    text: String(frame.text == null ? '' : frame.text),
    sent_at: frame.sent_at,
    state: 'sent',
    attachment: attachmentOf(frame)
  };
}

/**
 * The read marks of GET /session/:id, kept by the server while this page was closed, taken into
 * the session (never backwards). True when the agent's moved: the visitor's messages up to it now
 * show "read".
 */
export function takeReadMarks(session, view) {
  let agentMoved = false;
  if (typeof view.agent_read_seq === 'number' && view.agent_read_seq > (session.agentReadSeq || 0)) {
    session.agentReadSeq = view.agent_read_seq;
    agentMoved = true;
  }
  if (typeof view.visitor_read_seq === 'number' && view.visitor_read_seq > (session.visitorReadSeq || 0)) {
    session.visitorReadSeq = view.visitor_read_seq;
  }
  return agentMoved;
}
