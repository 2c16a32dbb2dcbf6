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

// Indonesia's three clocks by name; another zone is named as the browser's Intl names it
const ZONE_NAMES = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT'
};
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** An instant's calendar day, weekday (0: Sunday) and time on a zone's clock. */
function onClock(date, timeZone) {
  const parts = {};
  new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23'
  })
    .formatToParts(date)
    .forEach((p) => {
      parts[p.type] = p.value;
    });
  return {
    day: Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)),
    date: Number(parts.day),
    month: Number(parts.month) - 1,
    weekday: WEEKDAYS.indexOf(parts.weekday),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute)
  };
}

function zoneName(timeZone) {
  if (ZONE_NAMES[timeZone]) return ZONE_NAMES[timeZone];
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date())
    .filter((p) => p.type === 'timeZoneName')[0];
  return part ? part.value : timeZone;
}

/**
 * When a closed help desk opens again, on the desk's own clock, as the visitor reads it:
 * "Senin 08.00 WIB", "hari ini 13.00 WIB", "besok 08.00 WIB", or with the date a week or more
 * ahead, "Senin, 4 Januari 08.00 WIB" ("Monday 08:00 WIB", "Monday 4 January 08:00 WIB").
 * '' when the time or the zone is unknown. now: the server's time, which "today" is measured from.
 * t: the sentences (days, months, today, tomorrow) in the visitor's language.
 */
export function formatOpening(nextOpenIso, timeZone, nowIso, lang, t) {
  const next = new Date(nextOpenIso || '');
  const now = nowIso ? new Date(nowIso) : new Date();
  if (isNaN(next) || isNaN(now) || !timeZone) return '';
  let at;
  let today;
  try {
    at = onClock(next, timeZone);
    today = onClock(now, timeZone);
  } catch {
    return ''; // a zone this browser does not know
  }
  const days = Math.round((at.day - today.day) / 86400000);
  const weekday = t('days')[at.weekday];
  let when;
  if (days <= 0) when = t('today');
  else if (days === 1) when = t('tomorrow');
  else if (days < 7) when = weekday;
  else when = lang === 'en' ? weekday + ' ' + at.date + ' ' + t('months')[at.month] : weekday + ', ' + at.date + ' ' + t('months')[at.month];
  const pad = (n) => String(n).padStart(2, '0');
  const time = pad(at.hour) + (lang === 'en' ? ':' : '.') + pad(at.minute);
  return when + ' ' + time + ' ' + zoneName(timeZone);
}
