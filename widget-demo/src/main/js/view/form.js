/** The pre-chat form: the visitor's details, department and topic, and a first question. */

import { append, h, icon } from '../dom.js';
import { isClosed, isOfflineDepartment, readForm, reopening, selectedDepartment, submitForm } from '../form.js';
import { t, topicLabel } from '../i18n.js';
import { state, store, ui } from '../state.js';
import { TOPIC_CODES } from '../texts.js';
import { MAX_TEXT } from '../validation.js';

/** A labelled control with its hint and error, wired for screen readers. */
function field(key, label, control, opts = {}) {
  const error = state.form.errors[key];
  const errorId = 'osslc-err-' + key;
  const hintId = opts.hint ? 'osslc-hint-' + key : null;
  control.id = 'osslc-f-' + key;
  control.name = key;
  if (opts.required) control.setAttribute('aria-required', 'true');
  if (error) control.setAttribute('aria-invalid', 'true');
  const described = [hintId, error ? errorId : null].filter(Boolean).join(' ');
  if (described) control.setAttribute('aria-describedby', described);
  ui.fields[key] = control;
  return h(
    'div',
    { class: 'field' + (error ? ' has-error' : ''), 'data-field': key },
    h(
      'label',
      { for: control.id },
      label,
      opts.required ? h('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null,
      opts.optional ? h('span', { class: 'optional', text: ' (' + t('optional') + ')' }) : null
    ),
    control,
    opts.hint ? h('p', { class: 'hint', id: hintId, text: opts.hint }) : null,
    error ? h('p', { class: 'field-error', id: errorId }, icon('alert'), h('span', { text: error })) : null
  );
}

/** Draws the form; keepValues: keep what the visitor typed (a re-render while they type). */
export function renderForm(keepValues) {
  if (!ui.body || state.view !== 'form') return;
  if (keepValues) state.form.values = Object.assign({}, state.form.values, readForm());
  const v = state.form.values;
  const saved = store.get('contact') || {};
  const identityEmail = state.identity && state.identity.email;
  const initial = (key, fallback) => (v[key] !== undefined ? v[key] : fallback || '');
  const focusedId = ui.shadow.activeElement && ui.shadow.activeElement.id;
  ui.fields = {};
  const offline = isOfflineDepartment();
  const dept = selectedDepartment();
  const busy = state.form.busy;

  const topic = h('select', { required: true });
  append(topic, h('option', { value: '', text: t('topicChoose') }));
  const chosenTopic = initial('topic');
  TOPIC_CODES.forEach((code) => {
    append(topic, h('option', { value: code, text: topicLabel(code), selected: code === chosenTopic }));
  });

  let department = null;
  if (state.departments && state.departments.length > 1) {
    department = h('select', {
      onchange: () => {
        state.form.departmentChosen = true;
        renderForm(true);
      }
    });
    state.departments.forEach((d) => {
      const mark = isClosed(d) ? ' ' + t('deptClosed') : d.agents_online === 0 ? ' ' + t('deptOffline') : '';
      append(department, h('option', { value: d.id, selected: dept && dept.id === d.id, text: d.name + mark }));
    });
  }

  const form = h(
    'form',
    { class: 'form', novalidate: true, 'aria-busy': busy ? 'true' : 'false', onsubmit: submitForm },
    h('h3', { class: 'view-title', tabindex: '-1', text: t('formTitle') }),
    state.notice ? h('p', { class: 'notice', text: state.notice }) : null,
    state.identity
      ? h('p', { class: 'identity', text: t('loggedInAs', { who: state.identity.email || state.identity.oss_user_id }) })
      : null,
    h('p', { class: 'intro', text: t('formIntro') }),
    formAlert(),
    privacyNotice(initial('consent', false)),
    offline ? offlineNotice(dept) : null,
    field('name', t('name'), h('input', { type: 'text', autocomplete: 'name', maxlength: '255', value: initial('name', saved.contact_name) }), { required: true }),
    field(
      'email',
      t('email'),
      h('input', { type: 'email', autocomplete: 'email', inputmode: 'email', maxlength: '255', value: initial('email', saved.contact_email || identityEmail) }),
      { required: true }
    ),
    field('phone', t('phone'), h('input', { type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: '50', value: initial('phone', saved.contact_phone) }), {
      optional: true,
      hint: t('phoneHint')
    }),
    h(
      'div',
      { class: 'row' },
      field('company', t('company'), h('input', { type: 'text', autocomplete: 'organization', maxlength: '255', value: initial('company', saved.company_name) })),
      field('position', t('position'), h('input', { type: 'text', autocomplete: 'organization-title', maxlength: '255', value: initial('position', saved.position) }))
    ),
    department ? field('department', t('department'), department) : null,
    field('topic', t('topic'), topic, { required: true }),
    field('message', t('message'), h('textarea', { rows: '3', maxlength: String(MAX_TEXT), value: initial('message') }), offline ? { required: true } : { optional: true }),
    h(
      'button',
      { type: 'submit', class: 'primary', disabled: busy, 'aria-disabled': busy ? 'true' : null },
      busy ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
      busy ? t('busy') : offline ? t('leaveMessage') : t('startChat')
    )
  );
  ui.body.textContent = '';
  ui.footer.textContent = '';
  ui.footer.hidden = true;
  append(ui.body, form);
  if (focusedId) {
    const again = ui.shadow.getElementById(focusedId);
    if (again) again.focus();
  }
}

/**
 * The server's privacy notice, in the visitor's language (else Indonesian), with the portal's
 * policy and the box the visitor ticks to agree; nothing when the server shows none.
 */
function privacyNotice(agreed) {
  const notice = state.privacyNotice;
  if (!notice) return null;
  const text = (notice.text && (notice.text[state.lang] || notice.text.id || notice.text.en)) || '';
  const error = state.form.errors.consent;
  const box = h('input', { type: 'checkbox', id: 'osslc-f-consent', name: 'consent', checked: agreed === true, 'aria-required': 'true' });
  if (error) {
    box.setAttribute('aria-invalid', 'true');
    box.setAttribute('aria-describedby', 'osslc-err-consent');
  }
  ui.fields.consent = box;
  return h(
    'div',
    { class: 'privacy-notice field' + (error ? ' has-error' : ''), 'data-field': 'consent', role: 'note' },
    h('strong', { text: t('privacyTitle') }),
    h('p', { text }),
    notice.policy_url
      ? h('p', null, h('a', { href: notice.policy_url, target: '_blank', rel: 'noopener noreferrer', text: t('privacyPolicy') }))
      : null,
    h('label', { class: 'consent', for: 'osslc-f-consent' }, box, ' ' + t('consent')),
    error ? h('p', { class: 'field-error', id: 'osslc-err-consent' }, icon('alert'), h('span', { text: error })) : null
  );
}

/**
 * Why the form leaves a message: the department is closed by its opening hours (and when it opens
 * again, on its own clock), or nobody of it is online.
 */
function offlineNotice(dept) {
  if (isClosed(dept)) {
    const when = reopening(dept);
    return h(
      'div',
      { class: 'offline closed-hours', role: 'note' },
      h('strong', { text: t('closedTitle') }),
      h('p', { class: 'reopens' }, t('closedNow', { dept: dept.name }), when ? ' ' : null, when ? h('strong', { text: t('reopens', { when }) }) : null),
      h('p', { text: t('closedLeaveMessage') })
    );
  }
  return h(
    'div',
    { class: 'offline', role: 'note' },
    h('strong', { text: t('offlineTitle') }),
    h('p', { text: t('offlineNotice', { dept: dept ? dept.name : '' }) })
  );
}

/** The sentence above the fields: the server's refusal (with "try again"), or "check the fields". */
function formAlert() {
  if (state.form.general) {
    return h(
      'div',
      { class: 'alert', role: 'alert' },
      icon('alert'),
      h(
        'div',
        null,
        h('p', { text: state.form.general }),
        state.form.retry ? h('button', { type: 'submit', class: 'link-button', text: t('retry') }) : null
      )
    );
  }
  if (Object.keys(state.form.errors).length) {
    return h('div', { class: 'alert', role: 'alert' }, icon('alert'), h('p', { text: t('errorsSummary') }));
  }
  return null;
}

/** Focus on the first field with an error, else on the alert. */
export function focusFirstError() {
  const order = ['consent', 'name', 'email', 'phone', 'company', 'position', 'department', 'topic', 'message'];
  for (const key of order) {
    if (state.form.errors[key] && ui.fields[key]) {
      ui.fields[key].focus();
      return;
    }
  }
  const alert = ui.body.querySelector('.alert');
  if (alert) {
    alert.setAttribute('tabindex', '-1');
    alert.focus();
  }
}
