import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatTime, formatWait } from '../../main/js/format.js';
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
