/**
 * The messages of the current conversation: the ones that arrive (socket or REST), the ones the
 * visitor writes (socket first, REST when it is down, kept and sent later when both are), the
 * acks that store them, and the read marks the visitor sends.
 */

import { api, sessionPath, uploadFile } from './api.js';
import { checkFile, progressPercent, uploadErrorKey } from './attachments.js';
import { t } from './i18n.js';
import { findMessage, insertInOrder, lastStaffSeq, messageFromFrame, unsent } from './messages.js';
import * as protocol from './protocol.js';
import * as realtime from './realtime.js';
import { refreshSession, saveSession } from './session.js';
import { state } from './state.js';
import { newUuid } from './uuid.js';
import { fieldReason } from './validation.js';
import {
  appendMessageView,
  appendUploadView,
  hideTyping,
  removeMessageView,
  removeUploadView,
  renderBanner,
  renderStatus,
  updateMessageView,
  updateUploadView
} from './view/chat.js';
import { renderLauncher } from './view/root.js';

/** A message.new (from the socket or the REST page): stored once, in seq order. */
export function applyMessage(frame) {
  const s = state.session;
  if (!s || frame.session_id !== s.id || !frame.seq) return;
  const existing = findMessage(s.messages, frame.seq, frame.client_msg_id);
  if (existing) {
    if (!existing.seq) {
      existing.seq = frame.seq;
      existing.sent_at = frame.sent_at || existing.sent_at;
      existing.state = 'sent';
      existing.sender = frame.sender || existing.sender;
      updateMessageView(existing);
    }
  } else {
    const msg = messageFromFrame(frame);
    insertInOrder(s.messages, msg);
    appendMessageView(msg);
    const fromStaff = msg.sender.type !== 'visitor';
    if (fromStaff && msg.sender.type === 'agent') hideTyping();
    if (fromStaff && !(state.open && state.view === 'chat' && document.visibilityState !== 'hidden')) {
      state.unread += 1;
      renderLauncher();
    }
  }
  if (frame.seq > s.lastSeq) s.lastSeq = frame.seq;
  saveSession();
  sendReadIfSeen();
}

/** A message.ack (socket) or the REST answer: the visitor's message is stored with this seq. */
export function applyAck(ack) {
  const s = state.session;
  if (!s || ack.session_id !== s.id) return;
  const m = findMessage(s.messages, null, ack.client_msg_id);
  if (!m) return;
  const already = findMessage(s.messages, ack.seq, null);
  if (already && already !== m) {
    s.messages.splice(s.messages.indexOf(m), 1); // the message.new came first
    removeMessageView(m);
    return;
  }
  m.seq = ack.seq;
  m.sent_at = ack.sent_at || m.sent_at;
  m.state = 'sent';
  m.error = null;
  s.messages.splice(s.messages.indexOf(m), 1);
  insertInOrder(s.messages, m);
  if (ack.seq > s.lastSeq) s.lastSeq = ack.seq;
  saveSession();
  updateMessageView(m);
  if (s.status === 'waiting') renderStatus(); // a stored message: the chat now waits as a left message
}

/** The visitor wrote text: shown at once as pending, then sent. */
export function sendText(text) {
  const s = state.session;
  if (!s || s.status === 'closed') return;
  const msg = {
    seq: null,
    client_msg_id: newUuid(window.crypto),
    sender: { type: 'visitor', name: (s.contact && s.contact.contact_name) || null },
    text,
    sent_at: new Date().toISOString(),
    state: 'pending',
    local: true
  };
  s.messages.push(msg);
  saveSession();
  appendMessageView(msg);
  deliver(msg);
}

/** Sends msg over the socket when it is ready, else with POST /session/:id/messages. */
export function deliver(msg) {
  const s = state.session;
  if (!s) return;
  msg.state = 'pending';
  msg.error = null;
  updateMessageView(msg);
  if (realtime.send(protocol.sendMessage(s.id, msg.client_msg_id, msg.text))) {
    return; // message.ack follows; if the socket drops first, resume re-sends it
  }
  api('POST', sessionPath(s.id, 'messages'), {
    token: s.token,
    body: { client_msg_id: msg.client_msg_id, text: msg.text }
  }).then(
    (ack) => applyAck(ack),
    (error) => {
      if (state.session !== s || msg.seq) return;
      if (error.status === 400 || error.status === 409 || error.status === 413) {
        msg.state = 'failed';
        msg.error = error.status === 409 ? t('ended') : fieldReason((error.fields && error.fields.text) || error.serverMessage, t);
        if (error.status === 409) refreshSession().catch(() => {});
      } else if (error.status === 401 || error.status === 403) {
        msg.state = 'failed';
        refreshSession().catch(() => {});
      } else {
        msg.state = 'queued'; // no connection yet: sent by the next reconnect or poll
      }
      saveSession();
      updateMessageView(msg);
      renderBanner();
    }
  );
}

/**
 * The visitor chose a file: shown at once with its progress, uploaded, and once stored shown as
 * the message that carries it (the socket delivers the same message; it is kept once). A file the
 * server would certainly refuse is not uploaded; a refusal is said in the upload's place.
 */
export function sendFile(file) {
  const s = state.session;
  if (!s || s.status === 'closed' || !file) return;
  const problem = checkFile(file);
  const upload = { key: newUuid(window.crypto), name: file.name, progress: 0, error: problem ? t(problem) : null };
  appendUploadView(upload);
  if (problem) return;
  uploadFile(sessionPath(s.id, 'attachments'), s.token, file, (loaded, total) => {
    upload.progress = progressPercent(loaded, total);
    updateUploadView(upload);
  }).then(
    (stored) => {
      removeUploadView(upload);
      if (state.session !== s) return;
      applyMessage({
        session_id: s.id,
        seq: stored.seq,
        client_msg_id: 'att-' + stored.attachment_id,
        sender: { type: 'visitor', name: (s.contact && s.contact.contact_name) || null },
        text: stored.name,
        sent_at: new Date().toISOString(),
        attachment: { id: stored.attachment_id, name: stored.name, content_type: stored.content_type, size: stored.size }
      });
      if (s.status === 'waiting') renderStatus();
    },
    (error) => {
      upload.error = t(uploadErrorKey(error.status));
      updateUploadView(upload);
      if (error.status === 409 || error.status === 401 || error.status === 403) refreshSession().catch(() => {});
    }
  );
}

/** Sends again what is waiting to be sent. */
export function flushOutbox() {
  const s = state.session;
  if (!s) return;
  unsent(s.messages).forEach(deliver);
}

/** The visitor sees the conversation: the launcher's count goes, and the agent learns it was read. */
export function sendReadIfSeen() {
  const s = state.session;
  if (!s || !state.open || state.view !== 'chat' || document.visibilityState === 'hidden') return;
  state.unread = 0;
  renderLauncher();
  const upTo = lastStaffSeq(s.messages);
  if (upTo > s.visitorReadSeq && realtime.send(protocol.read(s.id, upTo))) {
    s.visitorReadSeq = upTo;
    saveSession();
  }
}
