// ESLint (flat config): `./mvnw verify` runs it on the widget, its tests and this build's scripts.
import js from '@eslint/js';
import globals from 'globals';

// Text from visitors and agents must never be parsed as HTML: the widget builds elements and
// sets text (dom.js). These are the ways a string becomes markup.
const NO_MARKUP = 'The widget never parses strings as HTML: build elements with dom.js h() and set text.';

export default [
  // the demo portal's page script (src/main/resources/oss-demo) is a page of the demo, not the widget
  { ignores: ['node_modules/', 'target/', 'src/main/resources/'] },
  js.configs.recommended,
  {
    files: ['src/main/js/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: globals.browser
    },
    rules: {
      'no-restricted-properties': [
        'error',
        // also el['innerHTML'] and const { innerHTML } = el: the rule sees those too
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'createContextualFragment', 'setHTMLUnsafe', 'parseHTMLUnsafe'].map(
          (property) => ({ property, message: NO_MARKUP })
        ),
        { object: 'document', property: 'write', message: NO_MARKUP },
        { object: 'document', property: 'writeln', message: NO_MARKUP }
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='DOMParser']", message: NO_MARKUP }],
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }]
    }
  },
  {
    files: ['src/test/js/**/*.js', '*.mjs', 'eslint.config.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: globals.node
    }
  }
];
