import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  countQueued,
  deliveryState,
  findMessage,
  highestSeq,
  insertInOrder,
  lastStaffSeq,
  messageFromFrame,
  takeReadMarks,
  unsent,
  visitorHasWritten
} from '../../main/js/messages.js';

const agent = { type: 'agent', name: 'Sari' };
const visitor = { type: 'visitor', name: 'Budi' };
const stored = (seq, sender = agent) => ({ seq, client_msg_id: null, sender, text: 'm' + seq, state: 'sent' });
const written = (id, state = 'pending') => ({ seq: null, client_msg_id: id, sender: visitor, text: id, state });
const order = (list) => list.map((m) => m.seq || m.client_msg_id);

describe('insertInOrder', () => {
  test('keeps stored messages in seq order, whatever order they arrive in', () => {
    const list = [];
    [3, 1, 4, 2].forEach((seq) => insertInOrder(list, stored(seq)));
    assert.deepEqual(order(list), [1, 2, 3, 4]);
  });

  test('puts a stored message before the visitor messages that are not sent yet', () => {
    const list = [stored(1), written('a'), written('b', 'queued')];
    insertInOrder(list, stored(2));
    assert.deepEqual(order(list), [1, 2, 'a', 'b']);
  });

  test('places a late message between older and newer ones', () => {
    const list = [stored(1), stored(5), written('a')];
    insertInOrder(list, stored(3));
    assert.deepEqual(order(list), [1, 3, 5, 'a']);
  });

  test('an acked message moves from the unsent end into its place', () => {
    const list = [stored(1), written('a'), written('b')];
    const a = list[1];
    list.splice(list.indexOf(a), 1);
    a.seq = 2;
    insertInOrder(list, a);
    assert.deepEqual(order(list), [1, 2, 'b']);
  });
});

describe('finding and counting', () => {
  const list = [stored(1), stored(2, visitor), stored(3), written('a', 'queued'), written('b', 'failed')];

  test('finds by seq or by client_msg_id', () => {
    assert.equal(findMessage(list, 2, null), list[1]);
    assert.equal(findMessage(list, null, 'b'), list[4]);
    assert.equal(findMessage(list, 9, 'zz'), null);
  });

  test('the highest seq, and the highest one the staff wrote (what the visitor reads up to)', () => {
    assert.equal(highestSeq(list), 3);
    assert.equal(lastStaffSeq([stored(1), stored(2, visitor)]), 1);
    assert.equal(highestSeq([written('a')]), 0);
  });

  test('what is still to send: pending and queued, not failed ones (they wait for "resend")', () => {
    assert.deepEqual(order(unsent([written('p'), written('q', 'queued'), written('f', 'failed'), stored(1)])), ['p', 'q']);
    assert.equal(countQueued(list), 1);
  });

  test('a chat is a left message once the server stored something the visitor wrote', () => {
    assert.equal(visitorHasWritten([stored(1), written('a')]), false);
    assert.equal(visitorHasWritten([stored(1), stored(2, visitor)]), true);
  });
});

describe('deliveryState', () => {
  test('read up to the agent read mark, sent once stored, else the message own state', () => {
    assert.equal(deliveryState(stored(2, visitor), 2), 'read');
    assert.equal(deliveryState(stored(3, visitor), 2), 'sent');
    assert.equal(deliveryState(written('a', 'queued'), 2), 'queued');
    assert.equal(deliveryState(written('a', 'failed'), 0), 'failed');
  });
});

test('a frame without a sender is a system message; its text is always a string', () => {
  const m = messageFromFrame({ seq: 7, text: null, sent_at: '2026-01-01T00:00:00Z' });
  assert.deepEqual(m.sender, { type: 'system' });
  assert.equal(m.text, '');
  assert.equal(m.state, 'sent');
});

describe('takeReadMarks', () => {
  test('takes the read marks kept while the page was closed: the visitor sees "read" on load', () => {
    const session = { agentReadSeq: 0, visitorReadSeq: 0 };
    assert.equal(takeReadMarks(session, { agent_read_seq: 4, visitor_read_seq: 5 }), true);
    assert.deepEqual(session, { agentReadSeq: 4, visitorReadSeq: 5 });
    assert.equal(deliveryState({ seq: 3, state: 'sent' }, session.agentReadSeq), 'read');
  });

  test('never moves a mark backwards, and says when the agent\'s did not move', () => {
    const session = { agentReadSeq: 6, visitorReadSeq: 7 };
    assert.equal(takeReadMarks(session, { agent_read_seq: 4, visitor_read_seq: 5 }), false);
    assert.deepEqual(session, { agentReadSeq: 6, visitorReadSeq: 7 });
    assert.equal(takeReadMarks(session, {}), false);
  });
});
