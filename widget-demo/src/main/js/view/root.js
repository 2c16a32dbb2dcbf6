/**
 * The widget on the page: one <oss-livechat> element whose Shadow DOM holds the launcher button,
 * the panel (header, body, footer) and a live region; render() draws the panel's current view.
 */

import { VERSION, config } from '../config.js';
import { t } from '../i18n.js';
import * as realtime from '../realtime.js';
import { adoptCurrent } from '../session.js';
import { sendReadIfSeen } from '../conversation.js';
import { state, store, ui } from '../state.js';
import { append, h, icon } from '../dom.js';
import { close, setLanguage, toggle } from '../widget-api.js';
import { renderChat } from './chat.js';
import { renderForm } from './form.js';
import { renderHistory, renderTranscript, showHistory } from './history.js';

/** Adds the widget to the page (once). */
export function mount() {
  if (ui.host) return;
  const host = document.createElement('oss-livechat');
  host.setAttribute('data-version', VERSION);
  const shadow = host.attachShadow({ mode: 'open' });
  ui.host = host;
  ui.shadow = shadow;
  const link = h('link', { rel: 'stylesheet', href: config.css });
  const root = h('div', { class: 'root', hidden: true });
  // shown once its styles are there (or could not come), never as unstyled elements
  const reveal = () => {
    root.hidden = false;
  };
  link.addEventListener('load', reveal);
  link.addEventListener('error', reveal);
  setTimeout(reveal, 4000);
  ui.root = root;
  ui.live = h('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  ui.launcher = h('button', { type: 'button', class: 'launcher', 'aria-controls': 'osslc-panel', onclick: () => toggle() });
  ui.panel = h('section', {
    id: 'osslc-panel',
    class: 'panel',
    role: 'dialog',
    'aria-modal': 'false',
    'aria-labelledby': 'osslc-title',
    hidden: true,
    onkeydown: (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close();
      }
    }
  });
  append(root, [ui.panel, ui.launcher, ui.live]);
  append(shadow, [link, root]);
  document.body.appendChild(host);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      realtime.reconnectNow();
      sendReadIfSeen();
    }
  });
  window.addEventListener('online', () => realtime.reconnectNow());
  window.addEventListener('storage', onStorage);
  render();
}

/** Another tab started, ended or switched the conversation, or the language: follow it. */
function onStorage(event) {
  if (!event.key || event.key.indexOf(store.prefix) !== 0) return;
  const key = event.key.slice(store.prefix.length);
  if (key === 'current') {
    const id = store.get('current');
    if (state.session && state.session.id === id) return;
    realtime.stop();
    state.session = null;
    if (id && adoptCurrent()) realtime.start();
    else if (state.view === 'chat') state.view = 'form';
    render();
  } else if (key === 'lang') {
    const lang = store.get('lang');
    if ((lang === 'en' || lang === 'id') && lang !== state.lang) {
      state.lang = lang;
      render();
    }
  }
}

/** Says text to screen readers (the live region), once. */
export function announce(text) {
  if (!ui.live) return;
  ui.live.textContent = '';
  setTimeout(() => {
    ui.live.textContent = text;
  }, 50);
}

/** Draws the launcher and, while the panel is open, its current view; keeps the focus. */
export function render() {
  if (!ui.root) return;
  ui.root.setAttribute('lang', state.lang);
  renderLauncher();
  if (!state.open) return;
  const active = ui.shadow.activeElement;
  const activeId = active && active.id;
  const activeAction = active && active.getAttribute('data-action');
  renderHeader();
  if (state.view === 'form') renderForm();
  else if (state.view === 'chat') renderChat();
  else if (state.view === 'history') renderHistory();
  else if (state.view === 'transcript') renderTranscript();
  if (ui.pendingFocus) {
    applyPendingFocus();
  } else if (activeId || activeAction) {
    // a re-render must not throw the keyboard user's focus away
    const again = activeId
      ? ui.shadow.getElementById(activeId)
      : ui.panel.querySelector('[data-action="' + activeAction + '"]');
    if (again && again !== ui.shadow.activeElement) again.focus();
  }
}

export function renderLauncher() {
  if (!ui.launcher) return;
  const l = ui.launcher;
  l.textContent = '';
  l.setAttribute('aria-expanded', state.open ? 'true' : 'false');
  l.setAttribute(
    'aria-label',
    state.open
      ? t('launcherClose')
      : t('launcherOpen') + (state.unread ? ' (' + t('unread', { n: state.unread }) + ')' : '')
  );
  l.classList.toggle('is-open', state.open);
  append(l, [icon(state.open ? 'close' : 'chat'), h('span', { class: 'launcher-label', text: t('launcher') })]);
  if (state.unread && !state.open) {
    append(l, h('span', { class: 'badge', 'aria-hidden': 'true', text: state.unread > 9 ? '9+' : String(state.unread) }));
  }
}

function renderHeader() {
  const panel = ui.panel;
  if (!ui.header) {
    ui.header = h('header', { class: 'header' });
    ui.body = h('div', { class: 'body' });
    ui.footer = h('div', { class: 'footer' });
    append(panel, [ui.header, ui.body, ui.footer]);
  }
  const s = state.session;
  let subtitle = t('subtitleIdle');
  if (s && state.view === 'chat') {
    if (s.status === 'waiting') subtitle = t('subtitleWaiting');
    else if (s.status === 'active' && s.agent) subtitle = t('subtitleActive', { name: s.agent.name });
    else if (s.status === 'closed') subtitle = t('subtitleClosed');
  }
  const header = ui.header;
  header.textContent = '';
  const inner = state.view === 'history' || state.view === 'transcript';
  const backLabel = state.view === 'transcript' ? t('historyTitle') : t('back');
  const otherLang = state.lang === 'id' ? 'en' : 'id';
  append(header, [
    inner
      ? h('button', { type: 'button', class: 'icon-button', 'data-action': 'back', 'aria-label': backLabel, title: backLabel, onclick: goBack }, icon('back'))
      : h('span', { class: 'avatar', 'aria-hidden': 'true' }, 'OSS'),
    h(
      'div',
      { class: 'titles' },
      h('h2', { id: 'osslc-title', class: 'title', text: state.view === 'history' ? t('historyTitle') : t('title') }),
      h('p', { class: 'subtitle', text: state.view === 'history' ? t('poweredBy') : subtitle })
    ),
    h(
      'div',
      { class: 'actions' },
      inner
        ? null
        : h(
            'button',
            { type: 'button', class: 'icon-button', 'data-action': 'history', 'aria-label': t('history'), title: t('history'), onclick: () => showHistory() },
            icon('history')
          ),
      h('button', {
        type: 'button',
        class: 'lang-button',
        'data-action': 'language',
        lang: otherLang,
        'aria-label': t('langLabel'),
        title: t('langLabel'),
        onclick: () => setLanguage(state.lang === 'id' ? 'en' : 'id'),
        text: t('langButton')
      }),
      h('button', { type: 'button', class: 'icon-button', 'data-action': 'close', 'aria-label': t('close'), title: t('close'), onclick: close }, icon('close'))
    )
  ]);
}

/** Back from the history (to the chat or the form) or from a past chat (to the history). */
export function goBack() {
  if (state.view === 'transcript') {
    state.view = 'history';
    ui.pendingFocus = 'title';
    render();
    return;
  }
  state.view = state.session ? 'chat' : 'form';
  ui.pendingFocus = state.session ? 'composer' : 'first-field';
  render();
}

/** Moves the focus where the last action asked (ui.pendingFocus), once the view is drawn. */
function applyPendingFocus() {
  const want = ui.pendingFocus;
  if (!want || !state.open) return;
  ui.pendingFocus = null;
  let target = null;
  if (want === 'composer') target = ui.composer || ui.body.querySelector('.view-title');
  else if (want === 'ended') target = ui.body.querySelector('[data-focus="ended"]');
  else if (want === 'first-field') target = ui.body.querySelector('input, select, textarea');
  else if (want === 'title') target = ui.body.querySelector('.view-title') || ui.shadow.getElementById('osslc-title');
  if (target) {
    if (!target.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) {
      target.setAttribute('tabindex', '-1');
    }
    target.focus({ preventScroll: false });
  }
}
