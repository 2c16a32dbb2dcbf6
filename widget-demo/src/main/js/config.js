/**
 * The embedding page's settings, read from the widget's own <script> tag: data-server (else the
 * origin of src), data-department, data-lang; widget.css is loaded from beside widget.js.
 */

export const VERSION = '0.1.0';

export const config = { server: '', department: '', lang: 'id', css: '' };

/** Reads the settings; only while the script runs for the first time (document.currentScript). */
export function readConfig(document) {
  const script = document.currentScript || findScript(document);
  const scriptUrl = new URL(script && script.src ? script.src : document.baseURI, document.baseURI);
  const data = (script && script.dataset) || {};
  config.server = (data.server || scriptUrl.origin).replace(/\/+$/, '');
  config.department = (data.department || '').trim().toLowerCase();
  config.lang = data.lang === 'en' ? 'en' : 'id';
  config.css = new URL('widget.css', scriptUrl).href;
}

function findScript(document) {
  const all = document.getElementsByTagName('script');
  for (let i = all.length - 1; i >= 0; i--) {
    if (/\/widget\.js(\?|#|$)/.test(all[i].src)) return all[i];
  }
  return null;
}
