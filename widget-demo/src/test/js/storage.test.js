// Runs against Node's own Web Storage (--experimental-webstorage, see package.json and pom.xml):
// the same Storage API, quota included, that the widget gets from the browser.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import {
  browserUuid,
  cacheMessages,
  cachedMessages,
  createStore,
  forgetSession,
  knownSessions,
  openStorage,
  rememberSession
} from '../../main/js/storage.js';
import { isUuid, newUuid } from '../../main/js/uuid.js';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

const open = () => createStore(openStorage(globalThis, 'localStorage'), openStorage(globalThis, 'sessionStorage'));

describe('known sessions', () => {
  test('are remembered field by field, and a reload (a new store) still knows them', () => {
    const store = open();
    rememberSession(store, 's1', { token: 'vt_1', topic_code: 'nib', status: 'waiting' });
    rememberSession(store, 's1', { status: 'active', agent: { name: 'Sari' } });
    rememberSession(store, 's2', { token: 'vt_2' });
    assert.deepEqual(knownSessions(open()), {
      s1: { token: 'vt_1', topic_code: 'nib', status: 'active', agent: { name: 'Sari' } },
      s2: { token: 'vt_2' }
    });
    assert.equal(JSON.parse(localStorage.getItem('osslc.sessions')).s2.token, 'vt_2');
  });

  test('forgetting one drops its messages and, if it was the current one, that too', () => {
    const store = open();
    rememberSession(store, 's1', { token: 'vt_1' });
    rememberSession(store, 's2', { token: 'vt_2' });
    cacheMessages(store, 's1', [{ seq: 1, text: 'Halo' }]);
    store.set('current', 's1');
    forgetSession(store, 's1');
    assert.deepEqual(Object.keys(knownSessions(store)), ['s2']);
    assert.deepEqual(cachedMessages(store, 's1'), []);
    assert.equal(store.get('current'), null);
  });

  test("a session's latest 200 messages are kept", () => {
    const store = open();
    const list = Array.from({ length: 250 }, (_, i) => ({ seq: i + 1 }));
    cacheMessages(store, 's1', list);
    const kept = cachedMessages(open(), 's1');
    assert.equal(kept.length, 200);
    assert.equal(kept[0].seq, 51);
    assert.equal(kept[199].seq, 250);
  });
});

test('browser_uuid is made once and kept; a damaged one is replaced', () => {
  const store = open();
  const first = browserUuid(store, () => newUuid(crypto));
  assert.ok(isUuid(first));
  assert.equal(browserUuid(open(), () => 'never used'), first);
  localStorage.setItem('osslc.browser_uuid', '"not-a-uuid"');
  const next = browserUuid(open(), () => newUuid(crypto));
  assert.ok(isUuid(next));
  assert.notEqual(next, first);
});

test('without crypto.randomUUID (not https) the id is still a random version 4 UUID', () => {
  const ids = new Set();
  for (let i = 0; i < 50; i++) {
    const id = newUuid({ getRandomValues: (a) => crypto.getRandomValues(a) });
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    ids.add(id);
  }
  assert.equal(ids.size, 50);
});

test('the panel state belongs to the tab: sessionStorage', () => {
  const store = open();
  store.setTab('open', true);
  assert.equal(sessionStorage.getItem('osslc.open'), 'true');
  assert.equal(localStorage.getItem('osslc.open'), null);
  assert.equal(open().getTab('open'), true);
});

test('storage that is full keeps the newest value for this page view', () => {
  const store = open();
  store.set('contact', { contact_name: 'Budi' });
  const huge = 'x'.repeat(11 * 1024 * 1024); // more than the quota
  store.set('contact', { contact_name: huge });
  assert.equal(store.get('contact').contact_name.length, huge.length);
  store.set('contact', { contact_name: 'Sari' }); // fits again
  assert.equal(store.get('contact').contact_name, 'Sari');
  assert.equal(open().get('contact').contact_name, 'Sari');
});

test('without storage (disabled) the widget still works for this page view', () => {
  const store = createStore(null, null);
  rememberSession(store, 's1', { token: 'vt_1' });
  store.setTab('open', true);
  assert.equal(knownSessions(store).s1.token, 'vt_1');
  assert.equal(store.getTab('open'), true);
  store.clearAll();
  assert.deepEqual(knownSessions(store), {});
  assert.equal(openStorage({}, 'localStorage'), null);
});

test("logout's clearAll forgets only the widget's keys", () => {
  localStorage.setItem('portal.cart', '3');
  const store = open();
  rememberSession(store, 's1', { token: 'vt_1' });
  store.set('lang', 'en');
  store.setTab('open', true);
  store.clearAll();
  assert.equal(localStorage.length, 1);
  assert.equal(localStorage.getItem('portal.cart'), '3');
  assert.equal(sessionStorage.length, 0);
});
