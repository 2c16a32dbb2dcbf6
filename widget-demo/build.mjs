// Bundles the widget's ES modules (src/main/js) into one widget.js: an IIFE for the browsers
// the widget supports (ES2017), readable rather than minified, whose only global is
// window.OSSLiveChat. Maven runs it (pom.xml) with the output path, into target/classes.
//
//   node build.mjs [out]      default out: target/classes/static/widget/widget.js
import { build } from 'esbuild';

const out = process.argv[2] || 'target/classes/static/widget/widget.js';

const banner = `/*!
 * OSS LiveChat website widget, built from widget-demo/src/main/js by esbuild.
 *
 * One tag embeds it:
 *   <script src="https://chat.example/widget/widget.js" data-server="https://chat.example"
 *           data-department="perizinan" data-lang="id" async></script>
 *
 * Its one global is window.OSSLiveChat (open, close, toggle, identify, logout, setLanguage,
 * getBrowserId). It draws inside a Shadow DOM, so the page's CSS and the widget's do not touch.
 * Visitor and agent text is only ever set as text nodes: it is never parsed as HTML. The one
 * markup a message gets, its http(s) addresses made links, is built as <a> elements.
 */`;

await build({
  entryPoints: ['src/main/js/main.js'],
  outfile: out,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2017',
  banner: { js: banner },
  legalComments: 'none',
  logLevel: 'warning'
});
console.log('widget.js bundled: ' + out);
