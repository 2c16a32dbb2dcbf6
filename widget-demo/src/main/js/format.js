/** Times and waits as the visitor reads them. Pure: the language and sentences are the caller's. */

function locale(lang) {
  return lang === 'en' ? 'en-GB' : 'id-ID';
}

/** "less than a minute", else the wait in whole minutes, rounded. */
export function formatWait(seconds, t) {
  if (seconds < 60) return t('lessMinute');
  return t('minutes', { n: Math.round(seconds / 60) });
}

/** A message's time of day (14:05), '' when there is none. */
export function formatTime(iso, lang) {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d)) return '';
  return new Intl.DateTimeFormat(locale(lang), { hour: '2-digit', minute: '2-digit' }).format(d);
}

/** A chat's start in the history list: day, month, year and time. */
export function formatDate(iso, lang) {
  const d = new Date(iso);
  if (isNaN(d)) return '';
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit'
  }).format(d);
}
