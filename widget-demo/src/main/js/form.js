/**
 * The pre-chat form's work: the departments to choose from, checking the visitor's details,
 * starting the session (POST /start) and giving its contact (POST /contact), then the chat.
 * A session started but not completed (the contact failed) is kept and completed on the next try.
 */

import { ApiError, api } from './api.js';
import { config } from './config.js';
import { sendText } from './conversation.js';
import { formatOpening } from './format.js';
import { t } from './i18n.js';
import { queueFromView } from './protocol.js';
import * as realtime from './realtime.js';
import { loadSession } from './session.js';
import { emptyForm, state, store, ui } from './state.js';
import { browserUuid, forgetSession, rememberSession } from './storage.js';
import { newUuid } from './uuid.js';
import { describeError, fieldReason, validateContact } from './validation.js';
import { renderStatus } from './view/chat.js';
import { focusFirstError, renderForm } from './view/form.js';
import { render } from './view/root.js';

// The server's field names (the `fields` of its 400 answers) to the form's
const FIELDS = {
  contact_name: 'name',
  contact_email: 'email',
  contact_phone: 'phone',
  position: 'position',
  company_name: 'company',
  topic: 'topic',
  topic_code: 'topic',
  department_id: 'department',
  privacy_consent: 'consent'
};

/** This browser's browser_uuid. */
export function currentBrowserUuid() {
  return browserUuid(store, () => newUuid(window.crypto));
}

/** The form's errors in the current language. */
export function validate(values, offline) {
  return validateContact(values, offline, t);
}

/** What the visitor typed, trimmed. */
export function readForm() {
  const v = {};
  ['name', 'email', 'phone', 'position', 'company', 'topic', 'department', 'message'].forEach((k) => {
    const el = ui.fields && ui.fields[k];
    if (el) v[k] = (el.value || '').trim();
  });
  if (ui.fields && ui.fields.consent) v.consent = ui.fields.consent.checked;
  return v;
}

/** The chosen department, else the tag's data-department, else the server's default. */
export function selectedDepartment() {
  const list = state.departments;
  if (!list || !list.length) return null;
  const chosen = state.form.values.department;
  const byId = list.filter((d) => d.id === chosen)[0];
  if (byId) return byId;
  const byCode = list.filter((d) => d.code === config.department)[0];
  return byCode || list.filter((d) => d.is_default)[0] || list[0];
}

/**
 * Nobody can chat in the chosen department now: no agent is online, or it is closed by its
 * opening hours. The form leaves a message.
 */
export function isOfflineDepartment() {
  const d = selectedDepartment();
  return !!d && (d.agents_online === 0 || isClosed(d));
}

/** Closed by its opening hours (a server without hours never says so). */
export function isClosed(department) {
  return !!department && department.open_now === false;
}

/** A department of the list by id, or null. */
export function departmentById(id) {
  return (state.departments || []).filter((d) => d.id === id)[0] || null;
}

/** When a closed department opens again, as the visitor reads it: "Senin 08.00 WIB"; or ''. */
export function reopening(department) {
  if (!isClosed(department)) return '';
  // "today" on the server's clock: its time of the list, plus the time since
  const now = state.departmentsServerTime ? new Date(Date.parse(state.departmentsServerTime) + (Date.now() - state.departmentsAt)) : new Date();
  return formatOpening(department.next_open_at, department.time_zone, now.toISOString(), state.lang, t);
}

/** GET /departments, at most once a minute. */
export function loadDepartments() {
  if (state.departments && Date.now() - state.departmentsAt < 60000) return;
  state.departmentsAt = Date.now();
  api('GET', '/departments').then(
    (body) => {
      const list = (body && body.departments) || [];
      state.departments = list.length ? list : null;
      state.privacyNotice = (body && body.privacy_notice) || null;
      state.departmentsServerTime = (body && body.generated_at) || null;
      if (state.view === 'form') renderForm(true);
      else if (state.view === 'chat') renderStatus();
    },
    () => {
      // not available (yet): the form goes on without a choice; the server uses its default
      if (!state.departments) state.departments = null;
    }
  );
}

export function submitForm(event) {
  if (event) event.preventDefault();
  if (state.form.busy) return;
  const values = readForm();
  state.form.values = values;
  const errors = validate(values, isOfflineDepartment());
  if (state.privacyNotice && !values.consent) errors.consent = t('consentRequired');
  state.form.errors = errors;
  state.form.general = null;
  state.form.retry = false;
  if (Object.keys(errors).length) {
    renderForm();
    focusFirstError();
    return;
  }
  state.form.busy = true;
  renderForm();
  const contact = {
    contact_name: values.name,
    contact_email: values.email,
    contact_phone: values.phone || null,
    position: values.position || null,
    company_name: values.company || null
  };
  if (state.privacyNotice) contact.privacy_consent = state.privacyNotice.version;
  startIfNeeded(values)
    .then((started) =>
      api('POST', '/contact', {
        token: started.token,
        body: Object.assign({ session_id: started.id }, contact)
      }).then(() => started)
    )
    .then((started) => enterChat(started, contact, values.message))
    .catch(formFailed);
}

function enterChat(started, contact, firstMessage) {
  state.pending = null;
  store.remove('pending');
  store.set('contact', contact);
  store.set('current', started.id);
  rememberSession(store, started.id, { contact });
  state.form = emptyForm();
  state.notice = null;
  state.session = loadSession(started.id);
  state.session.contact = contact;
  state.view = 'chat';
  ui.pendingFocus = 'composer';
  render();
  if (firstMessage) sendText(firstMessage);
  realtime.start();
}

function formFailed(error) {
  state.form.busy = false;
  state.form.errors = {};
  if (error instanceof ApiError && error.status === 400 && Object.keys(error.fields).length) {
    const general = [];
    Object.keys(error.fields).forEach((field) => {
      const key = FIELDS[field];
      const reason = fieldReason(error.fields[field], t);
      if (key) state.form.errors[key] = reason || validate({}, false)[key] || t('errorsSummary');
      else general.push(field + ': ' + error.fields[field]);
    });
    state.form.general = general.length ? general.join(' ') : null;
  } else if (
    error instanceof ApiError &&
    (error.status === 401 || error.status === 403 || error.status === 404 || error.status === 409) &&
    state.pending &&
    error.code !== 'invalid_identity'
  ) {
    // the started session is no longer ours to complete: start afresh on the next try
    forgetSession(store, state.pending.id);
    state.pending = null;
    store.remove('pending');
    state.form.general = t('sessionGone');
    state.form.retry = true;
  } else {
    state.form.general = error instanceof ApiError ? describeError(error, state.lang, t) : t('serverError');
    state.form.retry = true;
  }
  renderForm();
  focusFirstError();
}

/** The session the form completes: the one started on an earlier try, or a new one. */
function startIfNeeded(values) {
  if (state.pending) return Promise.resolve(state.pending);
  const body = {
    browser_uuid: currentBrowserUuid(),
    topic_code: values.topic,
    priority: 'normal',
    language: state.lang
  };
  const dept = selectedDepartment();
  // with the citizen's case, a department the visitor did not pick is only the page's default:
  // the server's routing rules may know better
  if (dept && (state.form.departmentChosen || !state.context)) body.department_id = dept.id;
  else if (dept) body.default_department_id = dept.id;
  if (state.context) {
    body.context = state.context.context;
    if (state.context.context_hash) body.context_hash = state.context.context_hash;
  }
  if (state.privacyNotice) body.privacy_consent = state.privacyNotice.version;
  if (state.identity) {
    body.oss_user_id = state.identity.oss_user_id;
    body.identity_hash = state.identity.identity_hash;
    if (state.identity.email) body.email = state.identity.email;
  }
  return api('POST', '/start', { body }).then((started) => {
    const pending = { id: started.session_id, token: started.visitor_token };
    rememberSession(store, pending.id, {
      token: pending.token,
      topic: started.topic,
      topic_code: started.topic_code,
      status: started.status,
      department: started.department,
      started_at: started.started_at,
      queue: queueFromView(started)
    });
    state.pending = pending;
    store.set('pending', pending);
    return pending;
  });
}
