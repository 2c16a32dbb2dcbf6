/** texts.js in the visitor's current language. */

import { state } from './state.js';
import { translate, topicName } from './texts.js';

export function t(key, vars) {
  return translate(state.lang, key, vars);
}

/** A session's topic in the visitor's language: by its code, else as the server named it. */
export function topicLabel(code, fallback) {
  return topicName(state.lang, code, fallback);
}
