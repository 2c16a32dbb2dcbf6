/**
 * The widget's one mutable state, shared by its modules: what the visitor sees (state) and the
 * elements that live across renders (ui). Views read it and re-render; the modules that talk to
 * the server change it.
 */

export const state = {
  lang: 'id',
  open: false,
  view: 'form', // form | chat | history | transcript
  identity: null, // {oss_user_id, email, identity_hash} from identify()
  departments: null, // null: not known (the list is not available)
  departmentsAt: 0,
  privacyNotice: null, // {version, text: {id, en}, policy_url} from GET /departments; null: none
  departmentsServerTime: null, // the list's generated_at: the server's clock when it was made
  context: null, // {context, context_hash} from setContext(): the citizen's case
  form: emptyForm(),
  pending: null, // a started session whose contact is not stored yet: {id, token}
  session: null, // the current conversation, see session.js loadSession
  conn: 'idle', // idle | connecting | online (socket) | rest (socket down, REST answers) | offline
  unread: 0,
  history: null,
  transcript: null,
  notice: null // a sentence shown above the form (e.g. the previous chat is gone)
};

export const ui = {};

/** The browser storage (storage.js createStore), set once when the widget starts. */
export let store = null;

export function useStore(s) {
  store = s;
}

export function emptyForm() {
  // departmentChosen: the visitor changed the department themselves (not the page's preselection)
  return { values: {}, errors: {}, general: null, busy: false, departmentChosen: false };
}
