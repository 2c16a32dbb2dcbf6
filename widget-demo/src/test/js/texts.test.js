import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEXTS, TOPIC_CODES, topicName, translate } from '../../main/js/texts.js';

test('both languages have the same texts, and the same placeholders in each', () => {
  assert.deepEqual(Object.keys(TEXTS.en).sort(), Object.keys(TEXTS.id).sort());
  const placeholders = (s) => (typeof s === 'string' ? (s.match(/\{\w+\}/g) || []).sort() : []);
  for (const key of Object.keys(TEXTS.id)) {
    assert.deepEqual(placeholders(TEXTS.en[key]), placeholders(TEXTS.id[key]), key);
    assert.notEqual(TEXTS.en[key], '', key);
  }
});

test('placeholders are filled; a missing or null value leaves nothing', () => {
  assert.equal(translate('id', 'queuePosition', { n: 3 }), 'Posisi antrean: 3');
  assert.equal(translate('en', 'typing', { name: 'Sari' }), 'Sari is typing…');
  assert.equal(translate('en', 'typing', { name: null }), ' is typing…');
  assert.equal(translate('id', 'subtitleActive', {}), ' · Petugas');
  assert.equal(translate('en', 'star', { n: 0 }), '0 of 5 stars');
});

test('a value is put in as it is, never read as another placeholder', () => {
  assert.equal(translate('en', 'typing', { name: '{n} $& $1' }), '{n} $& $1 is typing…');
});

test('an unknown language or key falls back to Indonesian, then to nothing', () => {
  assert.equal(translate('fr', 'retry'), 'Coba lagi');
  assert.equal(translate('en', 'no.such.key'), undefined);
});

test('every topic code is named in both languages; an unknown code shows the server\'s name', () => {
  for (const code of TOPIC_CODES) {
    assert.ok(topicName('id', code), code);
    assert.ok(topicName('en', code), code);
  }
  assert.equal(topicName('en', 'perubahan-data'), 'Changing business data');
  assert.equal(topicName('id', 'retired-topic', 'Topik lama'), 'Topik lama');
  assert.equal(topicName('id', 'constructor'), '');
  assert.equal(topicName('en', null), '');
});
