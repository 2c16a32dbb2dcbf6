import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkParts, webAddress } from '../../main/js/links.js';

const links = (text) => linkParts(text).filter((p) => p.href);

test('http and https addresses become links; the text around them stays text', () => {
  assert.deepEqual(linkParts('Lihat https://oss.go.id/panduan dan http://example.com/a?b=1#c ya'), [
    { text: 'Lihat ' },
    { text: 'https://oss.go.id/panduan', href: 'https://oss.go.id/panduan' },
    { text: ' dan ' },
    { text: 'http://example.com/a?b=1#c', href: 'http://example.com/a?b=1#c' },
    { text: ' ya' }
  ]);
});

test('no other scheme is a link', () => {
  for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://files.example', 'mailto:a@b.id', 'www.oss.go.id']) {
    assert.deepEqual(links(text), [], text);
    assert.deepEqual(linkParts(text), [{ text }], text);
  }
});

test('an address is a link only with the http or https scheme, as the browser reads it', () => {
  assert.equal(webAddress('HTTPS://OSS.go.id/a b'), 'https://oss.go.id/a%20b');
  for (const address of ['javascript:alert(1)', 'data:text/html,x', 'ftp://files.example/a', 'file:///etc/passwd', 'http//x']) {
    assert.equal(webAddress(address), null, address);
  }
});

test('punctuation that ends the sentence is not part of the address', () => {
  assert.equal(links('Buka https://oss.go.id/panduan.')[0].text, 'https://oss.go.id/panduan');
  assert.equal(links('(lihat https://oss.go.id/a)')[0].text, 'https://oss.go.id/a');
  assert.equal(links('"https://oss.go.id/b", lalu?')[0].text, 'https://oss.go.id/b');
  assert.equal(links('https://oss.go.id/c?!')[0].text, 'https://oss.go.id/c');
});

test('a closing bracket the address itself opened stays in it', () => {
  assert.equal(links('https://en.wikipedia.org/wiki/Foo_(bar)')[0].text, 'https://en.wikipedia.org/wiki/Foo_(bar)');
  assert.equal(links('[https://oss.go.id/x]')[0].text, 'https://oss.go.id/x');
});

test('markup characters end an address and stay text', () => {
  const parts = linkParts('<a href="https://evil.example">klik</a>');
  assert.deepEqual(parts.map((p) => p.text).join(''), '<a href="https://evil.example">klik</a>');
  assert.deepEqual(links('<a href="https://evil.example">klik</a>'), [{ text: 'https://evil.example', href: 'https://evil.example/' }]);
});

test('an address the browser cannot read stays text', () => {
  assert.deepEqual(links('http://[bad'), []);
  assert.deepEqual(links('https://.'), []);
});

test('the parts always give the message back, whatever it holds', () => {
  for (const text of ['', 'tanpa tautan', 'https://a.id https://b.id.', 'x http://y.id/(z)) w', 'HTTPS://OSS.GO.ID/A']) {
    assert.equal(linkParts(text).map((p) => p.text).join(''), text);
  }
});
