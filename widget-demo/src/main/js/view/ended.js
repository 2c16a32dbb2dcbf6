/** After the chat: a 1–5 star rating with a comment, the transcript by e-mail, a new chat. */

import { api, sessionPath } from '../api.js';
import { append, h, icon } from '../dom.js';
import { loadDepartments } from '../form.js';
import { t } from '../i18n.js';
import * as realtime from '../realtime.js';
import { saveSession } from '../session.js';
import { emptyForm, state, store, ui } from '../state.js';
import { describeError, isEmail } from '../validation.js';
import { renderChat } from './chat.js';
import { render } from './root.js';

export function endedView(s) {
  const box = h('div', { class: 'ended' });
  append(box, h('h3', { class: 'view-title', tabindex: '-1', 'data-focus': 'ended', text: t('ended') }));
  append(box, ratingForm(s));
  append(box, transcriptForm(s));
  append(box, h('button', { type: 'button', class: 'primary', 'data-action': 'new-chat', text: t('newChat'), onclick: newChat }));
  return box;
}

function ratingForm(s) {
  if (s.rated) return h('p', { class: 'done', role: 'status', text: t('ratingThanks') });
  const local = s.ratingUi || (s.ratingUi = { value: 0, error: null, busy: false });
  const stars = h('div', { class: 'stars' });
  const form = h('form', { class: 'rating', novalidate: true });
  for (let n = 1; n <= 5; n++) {
    const id = 'osslc-star-' + n;
    const input = h('input', { type: 'radio', name: 'rating', id, value: String(n), class: 'sr-only', checked: local.value === n });
    input.addEventListener('change', () => {
      local.value = n;
      local.error = null;
      stars.querySelectorAll('label').forEach((label, i) => {
        label.classList.toggle('on', i < n);
      });
    });
    append(stars, [
      input,
      h(
        'label',
        { for: id, class: n <= local.value ? 'on' : '', title: t('star', { n }) },
        h('span', { 'aria-hidden': 'true', text: '★' }),
        h('span', { class: 'sr-only', text: t('star', { n }) })
      )
    ]);
  }
  const comment = h('textarea', { id: 'osslc-rating-comment', rows: '2', maxlength: '1000' });
  comment.value = local.comment || '';
  comment.addEventListener('input', () => {
    local.comment = comment.value;
  });
  append(form, [
    h('fieldset', { class: 'stars-set' }, h('legend', { text: t('rateTitle') }), stars),
    h('label', { for: 'osslc-rating-comment', class: 'small-label' }, t('comment'), h('span', { class: 'optional', text: ' (' + t('optional') + ')' })),
    comment,
    local.error ? h('p', { class: 'field-error', role: 'alert' }, icon('alert'), h('span', { text: local.error })) : null,
    h('button', { type: 'submit', class: 'secondary', disabled: local.busy, text: local.busy ? t('busy') : t('sendRating') })
  ]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (local.busy) return;
    if (!local.value) {
      local.error = t('ratingRequired');
      renderChat();
      const first = ui.shadow.getElementById('osslc-star-1');
      if (first) first.focus();
      return;
    }
    local.busy = true;
    local.error = null;
    renderChat();
    api('POST', sessionPath(s.id, 'rating'), {
      token: s.token,
      body: { rating: local.value, comment: (local.comment || '').trim() || null }
    })
      .then(
        () => {
          s.rated = true;
        },
        (error) => {
          if (error.status === 409) s.rated = true; // rated before, in another tab
          else if (error.status === 404 || error.status === 405) local.error = t('ratingUnavailable');
          else if (error.status === 400 && error.fields.rating) local.error = t('ratingRequired');
          else local.error = describeError(error, state.lang, t);
        }
      )
      .then(() => {
        local.busy = false;
        saveSession();
        if (state.session === s && state.view === 'chat') {
          renderChat();
          const done = ui.body.querySelector('.rating button, .done');
          if (done) {
            done.setAttribute('tabindex', '-1');
            done.focus();
          }
        }
      });
  });
  return form;
}

function transcriptForm(s) {
  if (s.transcriptTo) {
    return h('p', { class: 'done', role: 'status', text: t(s.transcriptAlready ? 'transcriptAlready' : 'transcriptSent', { email: s.transcriptTo }) });
  }
  const local = s.transcriptUi || (s.transcriptUi = { email: (s.contact && s.contact.contact_email) || '', error: null, busy: false });
  const input = h('input', {
    type: 'email',
    id: 'osslc-transcript-email',
    autocomplete: 'email',
    maxlength: '255',
    value: local.email,
    'aria-invalid': local.error ? 'true' : null,
    'aria-describedby': local.error ? 'osslc-transcript-error' : null
  });
  input.addEventListener('input', () => {
    local.email = input.value;
  });
  const form = h(
    'form',
    { class: 'transcript', novalidate: true },
    h('label', { for: 'osslc-transcript-email', class: 'small-label', text: t('transcriptTitle') }),
    input,
    local.error ? h('p', { class: 'field-error', id: 'osslc-transcript-error', role: 'alert' }, icon('alert'), h('span', { text: local.error })) : null,
    h('button', { type: 'submit', class: 'secondary', disabled: local.busy, text: local.busy ? t('busy') : t('sendTranscript') })
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (local.busy) return;
    const email = (local.email || '').trim();
    if (email && !isEmail(email)) {
      local.error = t('errEmailInvalid');
      renderChat();
      const again = ui.shadow.getElementById('osslc-transcript-email');
      if (again) again.focus();
      return;
    }
    local.busy = true;
    local.error = null;
    renderChat();
    api('POST', sessionPath(s.id, 'transcript'), {
      token: s.token,
      body: email ? { email } : {}
    })
      .then(
        (answer) => {
          s.transcriptTo = (answer && answer.email) || email || (s.contact && s.contact.contact_email) || 'e-mail';
          // the transcript mailed when the chat closed: one per address, not a second copy
          s.transcriptAlready = !!(answer && answer.already_sent);
        },
        (error) => {
          if (error.status === 404 || error.status === 405) local.error = t('transcriptUnavailable');
          // a well-formed address the server still refuses is not this chat's own
          else if (error.status === 400 && error.fields.email) local.error = t(isEmail(email) ? 'transcriptAddress' : 'errEmailInvalid');
          else local.error = describeError(error, state.lang, t);
        }
      )
      .then(() => {
        local.busy = false;
        saveSession();
        if (state.session === s && state.view === 'chat') renderChat();
      });
  });
  return form;
}

function newChat() {
  realtime.stop();
  store.remove('current');
  state.session = null;
  state.notice = null;
  state.view = 'form';
  state.form = emptyForm();
  ui.pendingFocus = 'first-field';
  render();
  loadDepartments();
}
