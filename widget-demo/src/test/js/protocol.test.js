import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFrame, queueFromView, reconnectDelay, resume, sendMessage } from '../../main/js/protocol.js';

test('frames have the shape docs/API.md gives', () => {
  assert.deepEqual(resume('s1', 12), { type: 'resume', session_id: 's1', after_seq: 12 });
  assert.deepEqual(sendMessage('s1', 'c1', 'Halo'), { type: 'message.send', session_id: 's1', client_msg_id: 'c1', text: 'Halo' });
});

test('what is not a frame is ignored, not thrown', () => {
  assert.equal(parseFrame('not json'), null);
  assert.equal(parseFrame('null'), null);
  assert.equal(parseFrame('{"type":7}'), null);
  assert.deepEqual(parseFrame('{"type":"pong"}'), { type: 'pong' });
});

test('reconnects wait 1 s doubling to 30 s, a random half of it', () => {
  assert.equal(reconnectDelay(0, 0), 500);
  assert.equal(reconnectDelay(0, 0.999999) < 1000, true);
  assert.equal(reconnectDelay(1, 0), 1000);
  assert.equal(reconnectDelay(4, 1), 16000);
  assert.equal(reconnectDelay(5, 0), 15000);
  assert.equal(reconnectDelay(50, 1), 30000);
});

test('a queue only while the session has a position', () => {
  assert.deepEqual(queueFromView({ queue_position: 2, expected_wait_seconds: null, agents_online: 0 }), { position: 2, wait: null, online: 0 });
  assert.equal(queueFromView({ queue_position: null }), null);
  assert.equal(queueFromView({}), null);
});
