/**
 * The conversation: its status box (queue, no agent online, agent, ended), the messages, the
 * typing indicator, and the footer with the connection banner, the composer and "Akhiri chat".
 */

import { api, fetchAttachment, sessionPath } from '../api.js';
import { ACCEPT, formatSize, isImage } from '../attachments.js';
import { deliver, sendFile, sendReadIfSeen, sendText } from '../conversation.js';
import { append, appendMessageText, h, icon } from '../dom.js';
import { departmentById, isClosed, loadDepartments, reopening } from '../form.js';
import { formatTime, formatWait } from '../format.js';
import { t } from '../i18n.js';
import { countQueued, deliveryState, visitorHasWritten } from '../messages.js';
import * as protocol from '../protocol.js';
import * as realtime from '../realtime.js';
import { applySessionView, refreshSession } from '../session.js';
import { state, ui } from '../state.js';
import { MAX_TEXT, describeError } from '../validation.js';
import { endedView } from './ended.js';
import { renderForm } from './form.js';

export function renderChat() {
  const s = state.session;
  if (!s) {
    state.view = 'form';
    renderForm();
    return;
  }
  ui.body.textContent = '';
  ui.statusBox = h('div', { class: 'status-box' });
  ui.log = h('ol', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': t('title') });
  ui.typing = h('p', { class: 'typing', hidden: true });
  ui.messageViews = {};
  append(ui.body, [ui.statusBox, ui.log, ui.typing]);
  ui.log.setAttribute('aria-busy', 'true');
  s.messages.forEach(appendMessageView);
  ui.log.setAttribute('aria-busy', 'false');
  renderStatus();
  if (s.status === 'closed') append(ui.body, endedView(s));
  renderFooter();
  scrollToEnd();
  sendReadIfSeen();
}

export function renderStatus() {
  const s = state.session;
  if (!ui.statusBox || !s || state.view !== 'chat') return;
  const box = ui.statusBox;
  box.textContent = '';
  box.className = 'status-box';
  if (s.status === 'waiting') {
    const q = s.queue;
    const nobody = q && (q.online === 0 || q.wait === null || q.wait === undefined);
    // closed by its opening hours: say when it opens, on the desk's clock
    const dept = s.department && departmentById(s.department.id);
    if (!state.departments || isClosed(dept)) loadDepartments();
    if (nobody || isClosed(dept)) {
      box.classList.add('is-offline');
      const email = s.contact && s.contact.contact_email;
      // once the visitor has written, the chat is a left message: it waits, it is not dropped
      const wrote = visitorHasWritten(s.messages);
      const when = reopening(dept);
      append(box, [
        h('strong', { text: t(isClosed(dept) ? 'closedTitle' : 'offlineTitle') }),
        isClosed(dept)
          ? h('p', { class: 'reopens' }, t('closedNow', { dept: dept.name }), when ? ' ' : null, when ? h('strong', { text: t('reopens', { when }) }) : null)
          : null,
        h('p', { text: t(wrote ? 'messageLeft' : 'nobodyOnline', { email: email || 'e-mail' }) }),
        q ? h('p', { class: 'queue-position', text: t('queuePosition', { n: q.position }) }) : null
      ]);
    } else {
      box.classList.add('is-waiting');
      append(box, [
        h('span', { class: 'pulse', 'aria-hidden': 'true' }),
        h(
          'div',
          null,
          h('strong', { text: t('queueTitle') }),
          q ? h('p', { class: 'queue-position', text: t('queuePosition', { n: q.position }) }) : null,
          q ? h('p', { class: 'queue-wait', text: q.wait === 0 ? t('waitNow') : t('waitEstimate', { t: formatWait(q.wait, t) }) }) : null
        )
      ]);
    }
    if (q) box.setAttribute('data-queue-position', String(q.position));
  } else if (s.status === 'active') {
    box.classList.add('is-active');
    append(box, h('p', { text: t('connectedWith', { name: (s.agent && s.agent.name) || t('agent') }) }));
  } else {
    box.classList.add('is-closed');
    append(box, h('p', { text: s.closeReason === 'visitor_ended' ? t('endedByVisitor') : t('ended') }));
  }
  renderBanner();
}

/** "Connection lost" or "messages will be sent later", with "try again". */
export function renderBanner() {
  if (!ui.banner || state.view !== 'chat') return;
  const s = state.session;
  const queuedCount = s ? countQueued(s.messages) : 0;
  ui.banner.textContent = '';
  const show = s && s.status !== 'closed' && (state.conn === 'offline' || queuedCount > 0);
  ui.banner.hidden = !show;
  if (!show) return;
  append(ui.banner, [
    icon('alert'),
    h('span', { text: state.conn === 'offline' ? t('connLost') : t('queuedNotice') }),
    h('button', { type: 'button', class: 'link-button', 'data-action': 'reconnect', text: t('retry'), onclick: () => realtime.retryNow() })
  ]);
}

/**
 * The footer of a chat: the connection banner and, while it runs, the composer and "Akhiri chat".
 * The composer lives across re-renders of the same chat (a status frame, a language switch), so
 * a visitor who is typing keeps the focus, the caret and what the input method is composing.
 */
function renderFooter() {
  const s = state.session;
  const running = !!s && s.status !== 'closed';
  ui.footer.hidden = false;
  const kept = running && ui.composerForm && ui.composerOf === s.id && ui.composerForm.parentNode === ui.footer;
  if (kept) {
    labelComposer();
  } else {
    ui.footer.textContent = '';
    ui.banner = h('div', { class: 'banner', role: 'status', hidden: true });
    append(ui.footer, ui.banner);
    ui.composer = null;
    ui.composerForm = null;
    ui.composerOf = null;
    if (running) {
      ui.composerForm = composerForm(s);
      ui.composerOf = s.id;
      ui.endBox = h('div', { class: 'end-chat' });
      append(ui.footer, [ui.composerForm, ui.endBox]);
    }
  }
  if (running) renderEndChat(s);
  renderBanner();
}

function composerForm(s) {
  const counter = h('span', { class: 'counter', 'aria-live': 'polite' });
  const textarea = h('textarea', {
    id: 'osslc-composer',
    class: 'composer-input',
    rows: '1',
    maxlength: String(MAX_TEXT),
    value: ui.draft || ''
  });
  let typingSent = 0;
  let typingStop = null;
  function stopTyping() {
    clearTimeout(typingStop);
    if (typingSent) {
      realtime.send(protocol.typing(s.id, false));
      typingSent = 0;
    }
  }
  function grow() {
    textarea.style.height = 'auto';
    textarea.style.height = Math.min(textarea.scrollHeight, 120) + 'px';
    textarea.style.overflowY = textarea.scrollHeight > 120 ? 'auto' : 'hidden';
    const left = MAX_TEXT - textarea.value.length;
    counter.textContent = left < 200 ? t('tooLong', { n: left }) : '';
  }
  textarea.addEventListener('input', () => {
    ui.draft = textarea.value;
    grow();
    if (Date.now() - typingSent > 3000 && textarea.value) {
      if (realtime.send(protocol.typing(s.id, true))) typingSent = Date.now();
    }
    clearTimeout(typingStop);
    typingStop = setTimeout(stopTyping, 4000);
  });
  function submit(e) {
    if (e) e.preventDefault();
    const text = textarea.value.trim();
    if (!text) return;
    stopTyping();
    textarea.value = '';
    ui.draft = '';
    grow();
    sendText(text.slice(0, MAX_TEXT));
    textarea.focus();
  }
  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e);
  });
  ui.composer = textarea;
  ui.sendButton = h('button', { type: 'submit', class: 'send' }, icon('send'));
  // the chooser is only visually hidden: the attach button opens it, and it stays reachable
  const chooser = h('input', { type: 'file', class: 'file-input', accept: ACCEPT, tabindex: '-1', 'aria-hidden': 'true' });
  chooser.addEventListener('change', () => {
    const file = chooser.files && chooser.files[0];
    chooser.value = '';
    if (file) sendFile(file);
  });
  ui.attachButton = h('button', { type: 'button', class: 'attach', 'data-action': 'attach', onclick: () => chooser.click() }, icon('clip'));
  const form = h('form', { class: 'composer', onsubmit: submit }, ui.attachButton, chooser, textarea, ui.sendButton, counter);
  labelComposer();
  return form;
}

/** The composer's texts in the current language. */
function labelComposer() {
  ui.composer.setAttribute('placeholder', t('composer'));
  ui.composer.setAttribute('aria-label', t('composerLabel'));
  ui.sendButton.setAttribute('aria-label', t('send'));
  ui.sendButton.setAttribute('title', t('send'));
  ui.attachButton.setAttribute('aria-label', t('attach'));
  ui.attachButton.setAttribute('title', t('attach'));
}

/** "Akhiri chat", and once pressed the question whether to, with what it means. */
function renderEndChat(s) {
  const box = ui.endBox;
  const local = s.endingUi || (s.endingUi = { confirming: false, busy: false, error: null });
  box.textContent = '';
  function ask() {
    local.confirming = true;
    local.error = null;
    renderEndChat(s);
    focusAction('end-cancel');
  }
  function cancel() {
    if (local.busy) return;
    local.confirming = false;
    local.error = null;
    renderEndChat(s);
    focusAction('end-chat');
  }
  if (!local.confirming) {
    append(box, h('button', { type: 'button', class: 'link-button end-link', 'data-action': 'end-chat', text: t('endChat'), onclick: ask }));
    return;
  }
  append(
    box,
    h(
      'div',
      {
        class: 'end-confirm',
        role: 'group',
        'aria-labelledby': 'osslc-end-question',
        'aria-describedby': 'osslc-end-explain',
        onkeydown: (e) => {
          if (e.key === 'Escape') {
            e.stopPropagation(); // Escape here takes the question back, it does not close the panel
            cancel();
          }
        }
      },
      h('p', { id: 'osslc-end-question', class: 'end-question', text: t('endQuestion') }),
      h('p', { id: 'osslc-end-explain', class: 'end-explain', text: t(s.status === 'waiting' ? 'endExplainWaiting' : 'endExplainActive') }),
      local.error ? h('p', { class: 'field-error', role: 'alert' }, icon('alert'), h('span', { text: local.error })) : null,
      h(
        'div',
        { class: 'end-actions' },
        h('button', {
          type: 'button',
          class: 'danger',
          'data-action': 'end-confirm',
          disabled: local.busy,
          'aria-disabled': local.busy ? 'true' : null,
          text: local.busy ? t('busy') : t('endConfirm'),
          onclick: () => endChat(s)
        }),
        h('button', { type: 'button', class: 'secondary', 'data-action': 'end-cancel', disabled: local.busy, text: t('endCancel'), onclick: cancel })
      )
    )
  );
}

function focusAction(action) {
  const target = ui.panel.querySelector('[data-action="' + action + '"]');
  if (target) target.focus();
}

/** POST /session/:id/close: the visitor ends the chat or leaves the queue. */
function endChat(s) {
  const local = s.endingUi;
  if (local.busy) return;
  local.busy = true;
  local.error = null;
  renderEndChat(s);
  api('POST', sessionPath(s.id, 'close'), { token: s.token })
    .then(
      (view) => {
        if (state.session !== s) return undefined;
        ui.pendingFocus = 'ended';
        applySessionView(view);
        return undefined;
      },
      (error) => {
        if (error.status !== 409) throw error;
        // ended meanwhile (by the agent, or in another tab): show it as it now is
        ui.pendingFocus = 'ended';
        return refreshSession();
      }
    )
    .then(
      () => {
        local.busy = false;
        local.confirming = false;
      },
      (error) => {
        local.busy = false;
        local.error = describeError(error, state.lang, t);
        if (state.session === s && state.view === 'chat' && s.status !== 'closed') {
          renderEndChat(s);
          focusAction('end-confirm');
        }
      }
    );
}

/** ✓ stored, ✓✓ read, a clock while sending or waiting, a warning when refused. */
function messageStateMark(m) {
  const s = state.session;
  if (m.sender.type !== 'visitor') return null;
  const st = deliveryState(m, s ? s.agentReadSeq : 0);
  const label = { pending: t('markPending'), queued: t('markQueued'), sent: t('markSent'), read: t('markRead'), failed: t('markFailed') }[st];
  const mark = h('span', { class: 'mark mark-' + st, 'data-state': st, title: label });
  if (st === 'sent') append(mark, h('span', { 'aria-hidden': 'true', text: '✓' }));
  else if (st === 'read') append(mark, h('span', { 'aria-hidden': 'true', text: '✓✓' }));
  else if (st === 'failed') append(mark, icon('alert'));
  else append(mark, icon('clock'));
  append(mark, h('span', { class: 'sr-only', text: label }));
  return mark;
}

/** One message as a list item; readOnly: a past chat's, without marks or "resend". */
export function messageView(m, readOnly) {
  const type = m.sender && m.sender.type ? m.sender.type : 'system';
  const li = h('li', { class: 'msg msg-' + type, 'data-seq': m.seq ? String(m.seq) : null });
  if (type === 'system') {
    append(li, h('p', { class: 'text', text: m.text }));
    return li;
  }
  const who = type === 'visitor' ? t('you') : m.sender.name || t('agent');
  const bubble = h('div', { class: 'bubble' });
  let content;
  if (m.attachment) {
    content = attachmentView(m.attachment);
  } else {
    // text nodes and links only: a message is text, whatever characters it holds
    content = h('p', { class: 'text' });
    appendMessageText(content, m.text);
  }
  append(bubble, [h('span', { class: 'sr-only', text: who + ': ' }), content]);
  const meta = h(
    'p',
    { class: 'meta' },
    type === 'agent' ? h('span', { class: 'who', text: who }) : null,
    h('time', { datetime: m.sent_at || '', text: formatTime(m.sent_at, state.lang) }),
    readOnly ? null : messageStateMark(m)
  );
  append(li, [bubble, meta]);
  if (!readOnly && m.state === 'failed' && !m.seq) {
    append(
      li,
      h(
        'p',
        { class: 'failed' },
        m.error ? h('span', { text: m.error + ' ' }) : null,
        h('button', { type: 'button', class: 'link-button', text: t('resend'), onclick: () => deliver(m) })
      )
    );
  }
  return li;
}

// a file's object URL, fetched once per page view with the visitor token
const fileUrls = new Map();

function fileUrl(a) {
  if (!fileUrls.has(a.id)) {
    const s = state.session;
    const loading = fetchAttachment(a.id, s ? s.token : '').then((blob) => URL.createObjectURL(blob));
    loading.catch(() => fileUrls.delete(a.id)); // a failed fetch is tried again next time
    fileUrls.set(a.id, loading);
  }
  return fileUrls.get(a.id);
}

/**
 * A file in the conversation: a picture's thumbnail, and for every file its name, size and a
 * download link. The file is fetched with the visitor token (a plain link could not send it), then
 * saved under its name by the browser.
 */
function attachmentView(a) {
  const box = h('div', { class: 'attachment', 'data-attachment-id': a.id });
  const link = h(
    'a',
    { class: 'attachment-link', href: '#', download: a.name, 'data-action': 'download', title: t('download', { name: a.name }) },
    icon('file'),
    h('span', { class: 'attachment-name', text: a.name }),
    h('span', { class: 'attachment-size', text: formatSize(a.size, state.lang) })
  );
  link.addEventListener('click', (e) => {
    if (link.getAttribute('href') !== '#') return; // fetched already: the browser saves it
    e.preventDefault();
    fileUrl(a).then(
      (url) => {
        link.setAttribute('href', url);
        link.click();
      },
      () => link.setAttribute('data-error', 'true')
    );
  });
  if (isImage(a.content_type)) {
    const img = h('img', { class: 'thumb', alt: t('attachmentImage', { name: a.name }), hidden: true });
    // a portal whose Content-Security-Policy has no img-src blob: refuses the thumbnail: the
    // file's row below still names it and downloads it, so no broken picture is shown
    img.addEventListener('error', () => {
      img.hidden = true;
      box.setAttribute('data-thumb', 'refused');
    });
    fileUrl(a).then(
      (url) => {
        img.src = url;
        img.hidden = false;
        if (link.getAttribute('href') === '#') link.setAttribute('href', url);
      },
      () => {}
    );
    append(box, img);
  }
  append(box, link);
  return box;
}

/** A file on its way: its name and progress, or why it was refused. */
function uploadView(upload) {
  const li = h('li', { class: 'msg msg-visitor upload', 'data-upload': upload.key });
  const bubble = h('div', { class: 'bubble' });
  append(bubble, h('p', { class: 'attachment-name', text: upload.name }));
  if (upload.error) {
    append(bubble, h('p', { class: 'upload-error', role: 'alert' }, icon('alert'), h('span', { text: upload.error })));
    append(
      bubble,
      h('button', { type: 'button', class: 'link-button', 'data-action': 'dismiss-upload', text: t('dismiss'), onclick: () => removeUploadView(upload) })
    );
  } else {
    const label = t('uploading', { n: upload.progress });
    append(bubble, [
      h('progress', { class: 'upload-progress', max: '100', value: String(upload.progress), 'aria-label': label }),
      h('span', { class: 'upload-percent', text: label })
    ]);
  }
  append(li, bubble);
  return li;
}

export function appendUploadView(upload) {
  if (!ui.log || state.view !== 'chat') return;
  ui.uploadViews = ui.uploadViews || {};
  const li = uploadView(upload);
  ui.uploadViews[upload.key] = li;
  ui.log.appendChild(li);
  scrollToEnd();
}

export function updateUploadView(upload) {
  const old = ui.uploadViews && ui.uploadViews[upload.key];
  if (!old || !old.parentNode) return;
  const li = uploadView(upload);
  ui.uploadViews[upload.key] = li;
  old.parentNode.replaceChild(li, old);
}

export function removeUploadView(upload) {
  const old = ui.uploadViews && ui.uploadViews[upload.key];
  if (old && old.parentNode) old.parentNode.removeChild(old);
  if (ui.uploadViews) delete ui.uploadViews[upload.key];
}

function viewKey(m) {
  return m.client_msg_id || 'seq' + m.seq;
}

export function appendMessageView(m) {
  if (!ui.log || state.view !== 'chat') return;
  const li = messageView(m, false);
  ui.messageViews[viewKey(m)] = li;
  // keep seq order: a message that arrives late is placed before newer ones
  let next = null;
  if (m.seq) {
    for (const item of ui.log.children) {
      const seq = Number(item.getAttribute('data-seq'));
      if (!seq || seq > m.seq) {
        next = item;
        break;
      }
    }
  }
  ui.log.insertBefore(li, next);
  scrollToEnd();
}

export function updateMessageView(m) {
  if (!ui.log || state.view !== 'chat') return;
  const key = viewKey(m);
  const old = ui.messageViews[key];
  if (!old) return;
  const li = messageView(m, false);
  ui.messageViews[key] = li;
  ui.log.replaceChild(li, old);
}

export function removeMessageView(m) {
  const old = ui.messageViews && ui.messageViews[viewKey(m)];
  if (old && old.parentNode) old.parentNode.removeChild(old);
}

function scrollToEnd() {
  if (ui.body) ui.body.scrollTop = ui.body.scrollHeight;
}

let typingTimer = null;

export function showTyping(name) {
  if (!ui.typing) return;
  ui.typing.textContent = '';
  append(ui.typing, [
    h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')),
    h('span', { text: t('typing', { name: name || t('agent') }) })
  ]);
  ui.typing.hidden = false;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(hideTyping, 8000);
  scrollToEnd();
}

export function hideTyping() {
  clearTimeout(typingTimer);
  if (ui.typing) ui.typing.hidden = true;
}
