/**
 * The current conversation: loaded from and saved to the browser's storage, brought up to date
 * from GET /session/:id, dropped when it can no longer be continued.
 */

import { api, sessionPath } from './api.js';
import { t } from './i18n.js';
import { highestSeq, takeReadMarks } from './messages.js';
import { queueFromView } from './protocol.js';
import * as realtime from './realtime.js';
import { state, store, ui } from './state.js';
import { cacheMessages, cachedMessages, forgetSession, knownSessions, rememberSession } from './storage.js';
import { announce, render } from './view/root.js';
import { renderStatus, updateMessageView } from './view/chat.js';

/** The session as the widget works with it, from what this browser knows; null without a token. */
export function loadSession(id) {
  const known = knownSessions(store)[id];
  if (!known || !known.token) return null;
  const messages = cachedMessages(store, id);
  return {
    id,
    token: known.token,
    topic: known.topic,
    topicCode: known.topic_code || null,
    status: known.status || 'waiting',
    agent: known.agent || null,
    department: known.department || null,
    contact: known.contact || null,
    queue: known.queue || null,
    closeReason: known.close_reason || null,
    rated: !!known.rated,
    transcriptTo: known.transcript_to || null,
    transcriptAlready: !!known.transcript_already,
    messages,
    lastSeq: highestSeq(messages),
    agentReadSeq: known.agent_read_seq || 0,
    visitorReadSeq: known.visitor_read_seq || 0
  };
}

export function saveSession() {
  const s = state.session;
  if (!s) return;
  rememberSession(store, s.id, {
    token: s.token,
    topic: s.topic,
    topic_code: s.topicCode,
    status: s.status,
    agent: s.agent,
    department: s.department,
    contact: s.contact,
    queue: s.queue,
    close_reason: s.closeReason,
    rated: s.rated,
    transcript_to: s.transcriptTo,
    transcript_already: s.transcriptAlready,
    agent_read_seq: s.agentReadSeq,
    visitor_read_seq: s.visitorReadSeq
  });
  cacheMessages(store, s.id, s.messages);
}

/** Makes the stored current session (another tab's, or the last page's) the one shown. */
export function adoptCurrent() {
  const id = store.get('current');
  if (!id) return false;
  const session = loadSession(id);
  if (!session) {
    store.remove('current');
    return false;
  }
  state.session = session;
  state.view = 'chat';
  return true;
}

/** Brings the current session up to date from GET /session/:id; handles a lost session. */
export function refreshSession() {
  const s = state.session;
  if (!s) return Promise.resolve();
  const askedAt = Date.now();
  return api('GET', sessionPath(s.id), { token: s.token }).then(
    (view) => {
      if (state.session !== s) return;
      // a socket frame that came after we asked is newer than this answer
      if (s.frameAt && s.frameAt >= askedAt) return;
      applySessionView(view);
    },
    (error) => {
      if (state.session !== s) return;
      if (error.status === 401 || error.status === 403 || error.status === 404) {
        dropCurrent(t('sessionGone'));
      } else {
        throw error;
      }
    }
  );
}

/** Takes the server's view of the current session (GET /session/:id or POST .../close). */
export function applySessionView(view) {
  const s = state.session;
  const before = s.status;
  s.status = view.status;
  s.topic = view.topic || s.topic;
  s.topicCode = view.topic_code || s.topicCode || null;
  s.agent = view.agent || null;
  s.department = view.department || s.department;
  s.contact = view.contact || s.contact;
  s.closeReason = view.close_reason || null;
  s.queue = view.status === 'waiting' ? queueFromView(view) : null;
  if (typeof view.last_seq === 'number') s.serverLastSeq = view.last_seq;
  const readMoved = takeReadMarks(s, view);
  saveSession();
  statusChanged(before);
  // a poll that changes nothing must not rebuild the conversation under the visitor's eyes
  const shape = JSON.stringify([s.status, s.agent, s.closeReason]);
  if (shape !== s.renderedShape) {
    s.renderedShape = shape;
    render();
  } else {
    renderStatus();
    if (readMoved) {
      s.messages.forEach((m) => {
        if (m.sender.type === 'visitor') updateMessageView(m);
      });
    }
  }
}

/** The current session cannot be continued: forget it and show the form with notice. */
export function dropCurrent(notice) {
  if (state.session) forgetSession(store, state.session.id);
  realtime.stop();
  state.session = null;
  state.notice = notice || null;
  state.view = 'form';
  render();
}

/** Says what a change of status means: an agent took the chat, or it ended. */
export function statusChanged(before) {
  const s = state.session;
  if (!s || before === s.status) return;
  if (s.status === 'active' && s.agent) announce(t('connectedWith', { name: s.agent.name }));
  if (s.status === 'closed') {
    announce(s.closeReason === 'visitor_ended' ? t('endedByVisitor') : t('ended'));
    realtime.stop();
    // what was written before the end and not seen yet: the reply to a message the visitor
    // left, given while they were away, by an agent who then closed the chat
    realtime.fetchMessages(s).catch(() => {
      /* shown at the next visit */
    });
    const active = ui.shadow && ui.shadow.activeElement;
    if (active && active === ui.composer) ui.pendingFocus = 'ended';
  }
}
