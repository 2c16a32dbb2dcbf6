/**
 * Building elements. Text only ever goes in as text nodes or attributes, never as markup: there
 * is no way here to parse a string as HTML (and the linter forbids the ways there are).
 */

import { linkParts } from './links.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * h('button', {class, text, onclick, 'aria-label': ...}, ...children): an element. Attributes
 * that are undefined, null or false are left out, true is an empty attribute; children are
 * elements, strings (text nodes), arrays, or nothing.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach((k) => {
      const v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
      else if (k === 'value') el.value = v;
      else el.setAttribute(k, v === true ? '' : v);
    });
  }
  children.forEach((child) => append(el, child));
  return el;
}

export function append(el, child) {
  if (child === undefined || child === null || child === false) return;
  if (Array.isArray(child)) {
    child.forEach((c) => append(el, c));
  } else {
    el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/**
 * Appends a message's text to el: its http and https addresses as links (a new tab, no opener,
 * no referrer), everything else as text nodes.
 */
export function appendMessageText(el, text) {
  linkParts(text).forEach((part) => {
    el.appendChild(
      part.href
        ? h('a', { href: part.href, target: '_blank', rel: 'noopener noreferrer', text: part.text })
        : document.createTextNode(part.text)
    );
  });
}

const ICONS = {
  chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
  close: 'M6 6l12 12M18 6L6 18',
  history: 'M12 7v5l3 2M3.05 11a9 9 0 1 1 .5 4M3 4v5h5',
  back: 'M15 18l-6-6 6-6',
  send: 'M4 12l16-8-6 16-2.5-6.5z',
  clip: 'M20 11.5l-8.2 8.2a5 5 0 0 1-7.1-7.1L13 4.3a3.4 3.4 0 0 1 4.8 4.8L9.6 17.3a1.7 1.7 0 0 1-2.4-2.4L14.8 7.3',
  file: 'M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9zM14 3v6h6M8 13h8M8 17h6',
  clock: 'M12 7v5l3 2M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z',
  alert: 'M12 8v5M12 16.5v.5M10.3 3.9L2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z'
};

export function icon(name, cls) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'icon' + (cls ? ' ' + cls : ''));
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.appendChild(path);
  return svg;
}
