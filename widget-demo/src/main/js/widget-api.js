/**
 * window.OSSLiveChat: what the portal's page may call (open, close, toggle, setLanguage,
 * identify, setContext, logout, getBrowserId). Calls made before the widget is on the page wait
 * for it.
 */

import { api } from './api.js';
import { VERSION } from './config.js';
import { loadDepartments, currentBrowserUuid, isOfflineDepartment, readForm, validate } from './form.js';
import * as realtime from './realtime.js';
import { sendReadIfSeen } from './conversation.js';
import { emptyForm, state, store, ui } from './state.js';
import { render } from './view/root.js';

// open() before the widget is mounted: done once it is
export const pendingCalls = [];

export function open() {
  if (!ui.host) {
    pendingCalls.push(['open']);
    return;
  }
  if (state.open) return;
  state.open = true;
  store.setTab('open', true);
  ui.panel.hidden = false;
  ui.root.classList.add('is-open');
  if (!state.session && state.view === 'chat') state.view = 'form';
  ui.pendingFocus = state.view === 'chat' ? 'composer' : state.view === 'form' ? 'first-field' : 'title';
  render();
  if (state.view === 'form') loadDepartments();
  sendReadIfSeen();
}

export function close() {
  if (!ui.host || !state.open) return;
  state.open = false;
  store.setTab('open', false);
  const hadFocus = ui.shadow.activeElement != null;
  ui.panel.hidden = true;
  ui.root.classList.remove('is-open');
  render();
  if (hadFocus) ui.launcher.focus();
}

export function toggle() {
  if (state.open) close();
  else open();
}

export function setLanguage(lang) {
  if (lang !== 'id' && lang !== 'en') return;
  // the chosen topic is a code: it keeps its place and is named in the new language
  if (state.view === 'form' && ui.fields) state.form.values = Object.assign({}, state.form.values, readForm());
  state.lang = lang;
  store.set('lang', lang);
  // field errors were written in the old language: say them again in the new one
  if (state.view === 'form' && Object.keys(state.form.errors).length && !state.form.general) {
    state.form.errors = validate(state.form.values, isOfflineDepartment());
  }
  render();
}

/**
 * The portal tells the widget who is logged in. identity_hash must come from the portal's
 * backend: hex(HMAC-SHA256(OSS_IDENTITY_SECRET, oss_user_id)).
 */
export function identify(identity) {
  if (!identity || !identity.oss_user_id || !identity.identity_hash) return Promise.resolve(null);
  state.identity = {
    oss_user_id: String(identity.oss_user_id),
    email: identity.email ? String(identity.email) : null,
    identity_hash: String(identity.identity_hash)
  };
  render();
  if (store.get('linked') === state.identity.oss_user_id) return Promise.resolve(null);
  // move this browser's anonymous chats to the account (the portal may have done it already:
  // linking again moves nothing)
  return api('POST', '/link-user', {
    body: {
      browser_uuid: currentBrowserUuid(),
      oss_user_id: state.identity.oss_user_id,
      email: state.identity.email,
      identity_hash: state.identity.identity_hash
    }
  }).then(
    (linked) => {
      store.set('linked', state.identity && state.identity.oss_user_id);
      return linked;
    },
    () => null
  );
}

/**
 * The citizen's case, passed with the next chat the visitor starts: {context, context_hash}, where
 * context_hash comes from the portal's backend: hex(HMAC-SHA256(OSS_IDENTITY_SECRET, canonical JSON
 * of context)). null forgets it. Without a valid context_hash the server keeps the context
 * unverified, and it routes nothing.
 */
export function setContext(signed) {
  if (!signed || typeof signed !== 'object' || !signed.context || typeof signed.context !== 'object') {
    state.context = null;
    return;
  }
  state.context = {
    context: signed.context,
    context_hash: signed.context_hash ? String(signed.context_hash) : null
  };
}

/** The portal's logout: forget the account and this browser's chats (a shared computer). */
export function logout() {
  realtime.stop();
  store.clearAll();
  state.identity = null;
  state.context = null;
  state.session = null;
  state.pending = null;
  state.history = null;
  state.view = 'form';
  state.form = emptyForm();
  state.unread = 0;
  render();
}

/**
 * The object the page sees as window.OSSLiveChat. Built when the bundle runs, so it reads only
 * VERSION from config.js, which imports nothing: the modules import each other in cycles, and a
 * value of a module later in the bundle would not be there yet.
 */
export const publicApi = {
  version: VERSION,
  open,
  close,
  toggle,
  identify,
  setContext,
  logout,
  setLanguage,
  getBrowserId: currentBrowserUuid
};
