/**
 * The widget's entry point, bundled by esbuild (build.mjs) into widget.js, an IIFE whose only
 * global is window.OSSLiveChat. Nothing runs on import in the other modules; this starts it.
 */

import { config, readConfig } from './config.js';
import { knownSessions, createStore, openStorage } from './storage.js';
import * as realtime from './realtime.js';
import { adoptCurrent } from './session.js';
import { state, store, useStore } from './state.js';
import { open, pendingCalls, publicApi } from './widget-api.js';
import { mount } from './view/root.js';

const queued = window.OSSLiveChat;
// a second tag for the widget on the page leaves the first one alone
if (!(queued && queued.version)) {
  readConfig(document); // now: document.currentScript is this script only while it first runs
  useStore(createStore(openStorage(window, 'localStorage'), openStorage(window, 'sessionStorage')));
  const lang = store.get('lang');
  state.lang = lang === 'en' || lang === 'id' ? lang : config.lang;
  window.OSSLiveChat = publicApi;
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}

function start() {
  state.pending = store.get('pending');
  if (state.pending && !knownSessions(store)[state.pending.id]) state.pending = null;
  mount();
  if (adoptCurrent()) realtime.start();
  if (store.getTab('open')) open();
  // calls queued before the script loaded: window.OSSLiveChat = [['identify', {...}], ['open']]
  const calls = (Array.isArray(queued) ? queued : []).concat(pendingCalls.splice(0));
  calls.forEach((call) => {
    if (Array.isArray(call) && typeof publicApi[call[0]] === 'function') publicApi[call[0]](...call.slice(1));
  });
  try {
    window.dispatchEvent(new CustomEvent('osslivechat:ready'));
  } catch {
    /* old browsers */
  }
}
