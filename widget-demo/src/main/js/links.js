/**
 * Which parts of a message are web addresses. Only http and https addresses become links; the
 * caller builds them as <a> elements and everything else as text, so nothing is parsed as HTML.
 * Pure: no DOM.
 */

// An http(s) address: up to the next space or character no address holds unescaped.
const ADDRESS = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/**
 * The text cut into parts, in order: {text} for plain text, {text, href} for an address (text as
 * written, href as the browser reads it). Joined, the parts' texts give the message back.
 */
export function linkParts(text) {
  const parts = [];
  const address = new RegExp(ADDRESS.source, ADDRESS.flags);
  let at = 0;
  let match;
  while ((match = address.exec(text)) !== null) {
    const written = withoutTrailingPunctuation(match[0]);
    const href = webAddress(written);
    if (!href) continue;
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    parts.push({ text: written, href });
    at = match.index + written.length;
    address.lastIndex = at;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/**
 * "Lihat https://oss.go.id/panduan." links the address, not the full stop after it; a closing
 * bracket stays when the address opened it (a Wikipedia page "Foo_(bar)").
 */
export function withoutTrailingPunctuation(address) {
  const count = (ch) => address.split(ch).length - 1;
  for (;;) {
    const last = address.charAt(address.length - 1);
    const unopened =
      (last === ')' && count('(') < count(')')) || (last === ']' && count('[') < count(']'));
    if (/[.,;:!?'"]/.test(last) || unopened) address = address.slice(0, -1);
    else return address;
  }
}

/** The address as the browser reads it, if it is an http or https one; else null. */
export function webAddress(address) {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
