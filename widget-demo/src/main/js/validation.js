/**
 * The pre-chat form's checks: the server's own rules (its FieldCheck), run before sending so the
 * visitor learns every problem at once. Pure: sentences come from the translate function given.
 */

export const MAX_TEXT = 4000;
export const MAX_FIELD = 255;
// The server's rules (FieldCheck): one @, a dot in the domain, no spaces; a phone number is an
// optional +, then 7 to 15 digits with the spaces, dashes, dots and brackets people type.
const EMAIL = /^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$/;
const PHONE_CHARS = /^\+?[0-9 ().-]+$/;

/** Whether value has the shape of an e-mail address the server accepts. */
export function isEmail(value) {
  return typeof value === 'string' && value.length <= MAX_FIELD && EMAIL.test(value);
}

/** Whether value is a phone number the server accepts: 7 to 15 digits and the usual signs. */
export function isPhone(value) {
  const digits = value.replace(/\D/g, '').length;
  return PHONE_CHARS.test(value) && digits >= 7 && digits <= 15;
}

/**
 * Whether value holds a control character the server refuses: C0 and C1 controls and DEL
 * (Java's Character.isISOControl), except tab and line feed.
 */
export function hasControlCharacters(value) {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c <= 0x1f || (c >= 0x7f && c <= 0x9f)) && c !== 0x09 && c !== 0x0a) return true;
  }
  return false;
}

/**
 * The form's errors by field (name, email, phone, company, position, topic, message), as
 * sentences from t; empty when the form may be sent. values are the trimmed inputs; offline: no
 * agent is online, so the form leaves a message and the message is required.
 */
export function validateContact(values, offline, t) {
  const errors = {};
  const control = (key) => {
    if (values[key] && hasControlCharacters(values[key])) errors[key] = t('errControl');
  };
  if (!values.name) errors.name = t('errNameRequired');
  else control('name');
  if (!values.email) errors.email = t('errEmailRequired');
  else control('email');
  if (values.email && !errors.email && !isEmail(values.email)) errors.email = t('errEmailInvalid');
  control('phone');
  if (values.phone && !errors.phone && !isPhone(values.phone)) errors.phone = t('errPhoneInvalid');
  control('company');
  control('position');
  if (!values.topic) errors.topic = t('errTopicRequired');
  if (offline && !values.message) errors.message = t('errMessageRequired');
  if (values.message && values.message.length > MAX_TEXT) {
    errors.message = t('errMaxLength', { n: MAX_TEXT });
  } else {
    control('message');
  }
  return errors;
}

/**
 * The server's reason for refusing a field (English, from FieldCheck) as a sentence in the
 * visitor's language; null for "is required", where the field's own text says it better.
 */
export function fieldReason(reason, t) {
  const r = String(reason || '');
  const max = /must be at most (\d+) characters/.exec(r);
  if (max) return t('errMaxLength', { n: max[1] });
  if (r === 'is required') return null;
  if (/valid e-mail/.test(r)) return t('errEmailInvalid');
  if (/phone number/.test(r)) return t('errPhoneInvalid');
  if (/control characters/.test(r)) return t('errControl');
  if (/open department/.test(r)) return t('errDepartment');
  return r.charAt(0).toUpperCase() + r.slice(1) + (/[.!?]$/.test(r) ? '' : '.');
}

/**
 * A sentence for a refused or failed call: status 0 is "the server could not be reached". The
 * server's own message is English, so it is shown only to English readers.
 */
export function describeError(error, lang, t) {
  if (!error || error.status === 0) return t('netError');
  if (error.status === 429) return t('rateLimited');
  if (error.code === 'queue_full') return t('queueFull');
  if (error.code === 'invalid_identity') return t('identityError');
  if (error.status >= 500) return t('serverError');
  if (lang === 'en' && error.serverMessage) return error.serverMessage;
  return t('serverError');
}
