/**
 * What the widget keeps in the browser, under keys osslc.*: in localStorage what outlives the page
 * (browser_uuid, the known sessions with their tokens, recent messages, the language), in
 * sessionStorage what belongs to the tab (whether the panel is open). Storage the browser refuses
 * (disabled, full) falls back to memory for this page view. No DOM: the Storage objects are given.
 */

import { isUuid } from './uuid.js';

export const PREFIX = 'osslc.';
const KEPT_MESSAGES = 200;

/** storageArea's localStorage or sessionStorage (kind), if it can be written; else null. */
export function openStorage(storageArea, kind) {
  try {
    const s = storageArea[kind];
    s.setItem(PREFIX + 'probe', '1');
    s.removeItem(PREFIX + 'probe');
    return s;
  } catch {
    return null; // storage disabled: the widget still works for this page view
  }
}

/**
 * A JSON store over two Storage objects (either may be null): get/set/remove in the lasting one,
 * getTab/setTab in the tab's, clearAll forgets every osslc.* key in both.
 */
export function createStore(local, tab) {
  // what the browser's storage did not take: newer than what it holds under the same key
  const memory = new Map();
  function read(s, key) {
    try {
      const raw = memory.has(key) || !s ? memory.get(key) : s.getItem(PREFIX + key);
      return raw == null ? null : JSON.parse(raw);
    } catch {
      return null;
    }
  }
  function write(s, key, value) {
    const raw = JSON.stringify(value);
    if (s && stored(s, key, raw)) memory.delete(key);
    else memory.set(key, raw); // disabled or full: keep it for this page view
  }
  return {
    prefix: PREFIX,
    get: (key) => read(local, key),
    set: (key, value) => write(local, key, value),
    remove(key) {
      try {
        if (local) local.removeItem(PREFIX + key);
      } catch {
        /* ignore */
      }
      memory.delete(key);
    },
    getTab: (key) => read(tab, key),
    setTab: (key, value) => write(tab, key, value),
    clearAll() {
      [local, tab].forEach((s) => {
        if (!s) return;
        try {
          for (let i = s.length - 1; i >= 0; i--) {
            const k = s.key(i);
            if (k && k.indexOf(PREFIX) === 0) s.removeItem(k);
          }
        } catch {
          /* ignore */
        }
      });
      memory.clear();
    }
  };
}

function stored(s, key, raw) {
  try {
    s.setItem(PREFIX + key, raw);
    return true;
  } catch {
    return false; // QuotaExceededError
  }
}

/** The browser's id: created once (by newId) and kept; the secret that reads its history. */
export function browserUuid(store, newId) {
  let id = store.get('browser_uuid');
  if (!isUuid(id)) {
    id = newId();
    store.set('browser_uuid', id);
  }
  return id;
}

/** This browser's sessions: { id: {token, topic, topic_code, status, contact, rated, ...} }. */
export function knownSessions(store) {
  return store.get('sessions') || {};
}

/** Adds fields to the session's entry (creating it), and returns the entry. */
export function rememberSession(store, id, fields) {
  const all = knownSessions(store);
  const entry = all[id] || {};
  Object.keys(fields).forEach((k) => {
    entry[k] = fields[k];
  });
  all[id] = entry;
  store.set('sessions', all);
  return entry;
}

/** Forgets a session, its messages, and that it is the current one. */
export function forgetSession(store, id) {
  const all = knownSessions(store);
  delete all[id];
  store.set('sessions', all);
  store.remove('msgs.' + id);
  if (store.get('current') === id) store.remove('current');
}

export function cachedMessages(store, id) {
  return store.get('msgs.' + id) || [];
}

/** Keeps a session's latest messages; the server has the rest (resume after the last seq). */
export function cacheMessages(store, id, list) {
  store.set('msgs.' + id, list.slice(-KEPT_MESSAGES));
}
