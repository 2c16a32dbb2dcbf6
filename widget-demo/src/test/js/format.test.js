import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatOpening, formatTime, formatWait } from '../../main/js/format.js';
import { translate } from '../../main/js/texts.js';

const id = (key, vars) => translate('id', key, vars);
const en = (key, vars) => translate('en', key, vars);

test('a wait under a minute is "less than a minute"', () => {
  assert.equal(formatWait(0, id), 'kurang dari 1 menit');
  assert.equal(formatWait(59, en), 'less than a minute');
});

test('a longer wait is in whole minutes, rounded', () => {
  assert.equal(formatWait(60, id), '± 1 menit');
  assert.equal(formatWait(89, en), 'about 1 min');
  assert.equal(formatWait(90, en), 'about 2 min');
  assert.equal(formatWait(1800, id), '± 30 menit');
});

test('times in the visitor\'s locale; nothing for a missing or broken one', () => {
  const at = '2026-03-05T14:07:00';
  assert.equal(formatTime(at, 'en'), '14:07');
  assert.match(formatTime(at, 'id'), /^14[.:]07$/);
  assert.equal(formatTime(null, 'id'), '');
  assert.equal(formatTime('not a date', 'en'), '');
  assert.match(formatDate(at, 'en'), /5 Mar 2026.*14:07/);
  assert.match(formatDate(at, 'id'), /5 Mar 2026.*14[.:]07/);
  assert.equal(formatDate('nope', 'id'), '');
});

const NOW = '2037-12-25T03:00:00Z'; // Friday 25 December 2037, 10:00 WIB: Christmas

test('a closed desk says when it opens again, on its own clock', () => {
  // Monday 28 December 08:00 WIB
  assert.equal(formatOpening('2037-12-28T01:00:00Z', 'Asia/Jakarta', NOW, 'id', id), 'Senin 08.00 WIB');
  assert.equal(formatOpening('2037-12-28T01:00:00Z', 'Asia/Jakarta', NOW, 'en', en), 'Monday 08:00 WIB');
  // the same moment is 09:00 in Makassar and 10:00 in Jayapura
  assert.equal(formatOpening('2037-12-28T01:00:00Z', 'Asia/Makassar', NOW, 'id', id), 'Senin 09.00 WITA');
  assert.equal(formatOpening('2037-12-28T01:00:00Z', 'Asia/Jayapura', NOW, 'en', en), 'Monday 10:00 WIT');
});

test('later today, tomorrow, and a week or more ahead with the date', () => {
  assert.equal(formatOpening('2037-12-25T06:00:00Z', 'Asia/Jakarta', NOW, 'id', id), 'hari ini 13.00 WIB');
  assert.equal(formatOpening('2037-12-26T01:00:00Z', 'Asia/Jakarta', NOW, 'en', en), 'tomorrow 08:00 WIB');
  assert.equal(formatOpening('2038-01-04T01:00:00Z', 'Asia/Jakarta', NOW, 'id', id), 'Senin, 4 Januari 08.00 WIB');
  assert.equal(formatOpening('2038-01-04T01:00:00Z', 'Asia/Jakarta', NOW, 'en', en), 'Monday 4 January 08:00 WIB');
  // "tomorrow" is the desk's tomorrow: 23:30 WIB Friday is already Saturday in Jayapura
  assert.equal(formatOpening('2037-12-26T23:00:00Z', 'Asia/Jayapura', '2037-12-25T16:30:00Z', 'en', en), 'tomorrow 08:00 WIT');
});

test('nothing to say without a time or a zone this browser knows', () => {
  assert.equal(formatOpening(null, 'Asia/Jakarta', NOW, 'id', id), '');
  assert.equal(formatOpening('2037-12-28T01:00:00Z', null, NOW, 'id', id), '');
  assert.equal(formatOpening('2037-12-28T01:00:00Z', 'Asia/Atlantis', NOW, 'id', id), '');
});
