/**
 * The visitor's earlier chats (GET /history, by browser_uuid or, after identify, by the OSS
 * account), and one of them read-only, with its messages when this browser holds its token.
 */

import { api, sessionPath } from '../api.js';
import { append, h, icon } from '../dom.js';
import { formatDate } from '../format.js';
import { currentBrowserUuid } from '../form.js';
import { t, topicLabel } from '../i18n.js';
import { findMessage, insertInOrder } from '../messages.js';
import * as realtime from '../realtime.js';
import { adoptCurrent } from '../session.js';
import { state, store, ui } from '../state.js';
import { cachedMessages, knownSessions } from '../storage.js';
import { describeError } from '../validation.js';
import { messageView } from './chat.js';
import { render } from './root.js';

export function showHistory() {
  state.history = { items: [], cursor: null, hasMore: false, loading: true, error: null };
  state.view = 'history';
  ui.pendingFocus = 'title';
  render();
  loadHistoryPage();
}

/**
 * "Unduh data saya": a logged-in OSS user's own copy (GET /my-data, proved as for the history),
 * saved as a JSON file. Anonymous visitors have no proof of who they are, so no button.
 */
function downloadMyData() {
  const hist = state.history;
  const identity = state.identity;
  hist.myDataError = null;
  api('GET', '/my-data', { query: { oss_user_id: identity.oss_user_id, identity_hash: identity.identity_hash } }).then(
    (copy) => saveJson(copy, 'data-saya-' + identity.oss_user_id + '.json'),
    (error) => {
      hist.myDataError = describeError(error, state.lang, t);
      if (state.history === hist && state.view === 'history') render();
    }
  );
}

function saveJson(value, fileName) {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName.replace(/[^A-Za-z0-9._-]/g, '_') });
  append(ui.body, link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function myDataBox(hist) {
  if (!state.identity || !state.identity.identity_hash) return null;
  return h(
    'div',
    { class: 'my-data' },
    h('button', { type: 'button', class: 'secondary', 'data-action': 'my-data', text: t('myData'), title: t('myDataHint'), onclick: downloadMyData }),
    hist.myDataError ? h('p', { class: 'alert', role: 'alert', text: t('myDataError') + ' ' + hist.myDataError }) : null
  );
}

function historyQuery() {
  const q = { limit: 10 };
  if (state.identity && state.identity.identity_hash) {
    q.oss_user_id = state.identity.oss_user_id;
    q.identity_hash = state.identity.identity_hash;
  } else {
    q.browser_uuid = currentBrowserUuid();
  }
  return q;
}

function loadHistoryPage() {
  const hist = state.history;
  const q = historyQuery();
  if (hist.cursor) q.cursor = hist.cursor;
  hist.loading = true;
  hist.error = null;
  api('GET', '/history', { query: q })
    .then(
      (page) => {
        hist.items = hist.items.concat((page && page.sessions) || []);
        hist.cursor = page && page.next_cursor;
        hist.hasMore = !!(page && page.has_more);
      },
      (error) => {
        hist.error = describeError(error, state.lang, t);
      }
    )
    .then(() => {
      hist.loading = false;
      if (state.history === hist && state.view === 'history') render();
    });
}

/** "You: …" or "Agent name: …", a past chat's last message. */
function lastMessageText(last) {
  return (last.sender_type === 'visitor' ? t('you') : last.sender_name || t('agent')) + ': ' + last.text;
}

export function renderHistory() {
  const hist = state.history;
  ui.body.textContent = '';
  ui.footer.textContent = '';
  ui.footer.hidden = true;
  const box = h('div', { class: 'history' });
  append(box, h('h3', { class: 'sr-only', text: t('historyTitle') }));
  if (hist.error) {
    append(
      box,
      h(
        'div',
        { class: 'alert', role: 'alert' },
        icon('alert'),
        h('div', null, h('p', { text: t('historyError') + ' ' + hist.error }), h('button', { type: 'button', class: 'link-button', text: t('retry'), onclick: loadHistoryPage }))
      )
    );
  }
  if (!hist.loading && !hist.error && !hist.items.length) append(box, h('p', { class: 'empty', text: t('historyEmpty') }));
  const list = h('ul', { class: 'history-list' });
  const known = knownSessions(store);
  hist.items.forEach((item) => {
    const last = item.last_message;
    const current = state.session && state.session.id === item.session_id;
    append(
      list,
      h(
        'li',
        null,
        h(
          'button',
          {
            type: 'button',
            class: 'history-item',
            'data-session': item.session_id,
            onclick: () => openHistoryItem(item)
          },
          h(
            'span',
            { class: 'history-top' },
            h('span', { class: 'history-topic', text: topicLabel(item.topic_code, item.topic) }),
            h('span', { class: 'pill pill-' + item.status, text: t('status_' + item.status) })
          ),
          h('span', {
            class: 'history-meta',
            text: [formatDate(item.started_at, state.lang), item.department && item.department.name, current ? t('currentChat') : null].filter(Boolean).join(' · ')
          }),
          last ? h('span', { class: 'history-last', text: lastMessageText(last) }) : null,
          known[item.session_id] ? null : h('span', { class: 'sr-only', text: t('onlyOnDevice') })
        )
      )
    );
  });
  append(box, list);
  if (hist.loading) append(box, h('p', { class: 'loading', role: 'status', text: t('loading') }));
  if (hist.hasMore && !hist.loading) append(box, h('button', { type: 'button', class: 'secondary', text: t('loadMore'), onclick: loadHistoryPage }));
  append(box, myDataBox(hist));
  append(ui.body, box);
}

function openHistoryItem(item) {
  if (state.session && state.session.id === item.session_id) {
    state.view = 'chat';
    ui.pendingFocus = 'composer';
    render();
    return;
  }
  const known = knownSessions(store)[item.session_id];
  const token = known && known.token;
  state.transcript = { item, token, messages: cachedMessages(store, item.session_id), loading: !!token, error: null };
  state.view = 'transcript';
  ui.pendingFocus = 'title';
  render();
  if (token) loadTranscript(state.transcript, 0);
}

function loadTranscript(tr, afterSeq) {
  const id = tr.item.session_id;
  api('GET', sessionPath(id, 'messages'), { token: tr.token, query: { after_seq: afterSeq } })
    .then(
      (page) => {
        (page.messages || []).forEach((m) => {
          if (!findMessage(tr.messages, m.seq, null)) insertInOrder(tr.messages, Object.assign({ state: 'sent' }, m));
        });
        if (page.has_more && page.messages.length) return loadTranscript(tr, page.last_seq);
        tr.loading = false;
        return undefined;
      },
      (error) => {
        tr.loading = false;
        tr.error = error.status === 404 || error.status === 405 ? t('messagesUnavailable') : describeError(error, state.lang, t);
      }
    )
    .then(() => {
      if (state.transcript === tr && state.view === 'transcript') render();
    });
}

export function renderTranscript() {
  const tr = state.transcript;
  const item = tr.item;
  ui.body.textContent = '';
  ui.footer.textContent = '';
  ui.footer.hidden = true;
  const topic = topicLabel(item.topic_code, item.topic);
  const box = h(
    'div',
    { class: 'transcript-view' },
    h('h3', { class: 'view-title', tabindex: '-1', text: topic }),
    h(
      'p',
      { class: 'history-meta' },
      h('span', { class: 'pill pill-' + item.status, text: t('status_' + item.status) }),
      ' ' + [formatDate(item.started_at, state.lang), item.agent && item.agent.name].filter(Boolean).join(' · ')
    )
  );
  const stored = tr.messages.filter((m) => m.seq);
  if (stored.length) {
    const log = h('ol', { class: 'log read-only', 'aria-label': topic });
    stored.forEach((m) => append(log, messageView(m, true)));
    append(box, log);
  } else if (tr.loading) {
    append(box, h('p', { class: 'loading', role: 'status', text: t('loading') }));
  }
  if (!tr.token) {
    append(box, h('p', { class: 'notice', text: t('onlyOnDevice') }));
  } else if (tr.error) {
    append(
      box,
      h(
        'div',
        { class: 'alert', role: 'alert' },
        icon('alert'),
        h(
          'div',
          null,
          h('p', { text: tr.error }),
          h('button', {
            type: 'button',
            class: 'link-button',
            text: t('retry'),
            onclick: () => {
              tr.loading = true;
              tr.error = null;
              render();
              loadTranscript(tr, 0);
            }
          })
        )
      )
    );
  } else if (!tr.loading && !stored.length) {
    append(box, h('p', { class: 'empty', text: t('noMessages') }));
  }
  if (!stored.length && item.last_message) {
    append(box, h('div', { class: 'last-message' }, h('strong', { text: t('lastMessage') }), h('p', { text: lastMessageText(item.last_message) })));
  }
  if (tr.token && item.status !== 'closed') {
    append(
      box,
      h('button', {
        type: 'button',
        class: 'primary',
        text: t('continueChat'),
        onclick: () => {
          realtime.stop();
          store.set('current', item.session_id);
          adoptCurrent();
          ui.pendingFocus = 'composer';
          render();
          realtime.start();
        }
      })
    );
  }
  append(ui.body, box);
}
