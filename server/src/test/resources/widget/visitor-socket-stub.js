// A stand-in for the server's /ws/visitor, speaking the contract of docs/API.md, injected into
// the page before the widget loads. It lets the screenshot test show a conversation (agent
// messages, typing, acknowledged and read marks, the end of the chat) before the realtime
// server exists. The real round trip is WidgetRealtimeBrowserTest's.
(function () {
  var Real = window.WebSocket;
  var stub = { sockets: [], messages: [], seq: 0, agent: { type: 'agent', id: null, name: 'Ani' } };
  function emit(frame) {
    stub.sockets.forEach(function (s) { if (s.readyState === 1) s._receive(frame); });
  }
  function FakeSocket(url) {
    if (!/\/ws\/visitor$/.test(url)) return new Real(url);
    var self = this;
    this.url = url;
    this.readyState = 0;
    stub.sockets.push(this);
    setTimeout(function () { self.readyState = 1; if (self.onopen) self.onopen({}); }, 10);
  }
  FakeSocket.prototype._receive = function (frame) {
    var self = this;
    setTimeout(function () {
      if (self.onmessage) self.onmessage({ data: JSON.stringify(frame) });
      // the widget has handled resume.done: what it sends now goes through this socket
      if (frame.type === 'resume.done') stub.resumed = true;
    }, 5);
  };
  FakeSocket.prototype.send = function (raw) {
    var f = JSON.parse(raw);
    if (f.type === 'auth') { this.session = stub.session; this._receive({ type: 'auth.ok', session_id: stub.session }); }
    if (f.type === 'resume') {
      var self = this;
      stub.session = f.session_id;
      stub.messages.filter(function (m) { return m.seq > f.after_seq; }).forEach(function (m) { self._receive(m); });
      this._receive({ type: 'resume.done', session_id: f.session_id, last_seq: stub.seq });
    }
    if (f.type === 'message.send') {
      var m = { type: 'message.new', session_id: f.session_id, seq: ++stub.seq, client_msg_id: f.client_msg_id,
        sender: { type: 'visitor', id: null, name: null }, text: f.text, sent_at: new Date().toISOString() };
      stub.messages.push(m);
      this._receive({ type: 'message.ack', session_id: f.session_id, client_msg_id: f.client_msg_id, seq: m.seq, sent_at: m.sent_at });
    }
  };
  FakeSocket.prototype.close = function () {
    this.readyState = 3;
    stub.sockets = stub.sockets.filter(function (s) { return s !== this; }, this);
    var self = this;
    setTimeout(function () { if (self.onclose) self.onclose({ code: 1000 }); }, 5);
  };
  stub.assign = function (name) {
    stub.agent.name = name;
    emit({ type: 'session.updated', session_id: stub.session, status: 'active', agent: { id: null, name: name }, close_reason: null });
  };
  stub.agentSays = function (text) {
    var m = { type: 'message.new', session_id: stub.session, seq: ++stub.seq, client_msg_id: 'agent-' + stub.seq,
      sender: stub.agent, text: text, sent_at: new Date().toISOString() };
    stub.messages.push(m);
    emit(m);
  };
  stub.typing = function (on) { emit({ type: 'typing', session_id: stub.session, sender: stub.agent, typing: on }); };
  stub.read = function () { emit({ type: 'read', session_id: stub.session, reader: 'agent', up_to_seq: stub.seq }); };
  stub.close = function () {
    emit({ type: 'session.updated', session_id: stub.session, status: 'closed', agent: { id: null, name: stub.agent.name }, close_reason: 'resolved' });
  };
  FakeSocket.CONNECTING = 0; FakeSocket.OPEN = 1; FakeSocket.CLOSING = 2; FakeSocket.CLOSED = 3;
  window.WebSocket = FakeSocket;
  Object.defineProperty(window, '__visitorSocketStub', { value: stub, enumerable: false });
})();
