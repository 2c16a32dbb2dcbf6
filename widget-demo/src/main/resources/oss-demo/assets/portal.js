/*
 * The demo OSS portal: language toggle, a simulated login whose backend computes identity_hash,
 * and the logged-in user's case, which the backend signs for the chat (context_hash).
 */
(function () {
  'use strict';

  var TEXTS = {
    en: {
      skip: 'Skip to main content',
      ribbon: 'OSS LiveChat demo page — not the official OSS site.',
      tagline: 'Electronically integrated business licensing',
      navLabel: 'Main menu',
      navServices: 'Business licensing',
      navNib: 'NIB',
      navGuide: 'Guide',
      navHelp: 'Help',
      logout: 'Sign out',
      login: 'Sign in',
      eyebrow: 'Risk-based OSS system',
      heroTitle: 'Get your business licensed through one door',
      heroLead: 'Register your business, get a Business Identification Number (NIB) and meet the licensing your activity\u2019s risk level requires \u2014 online, from anywhere.',
      heroCta: 'Register an NIB now',
      heroHelp: 'Ask an OSS agent',
      searchLabel: 'Search a KBLI code or line of business',
      searchPlaceholder: 'e.g. 56101 Restaurant',
      search: 'Search',
      statNib: 'NIBs issued',
      statKbli: 'KBLI codes',
      statOnline: 'Online service',
      dashTitle: 'Business dashboard',
      dashNib: 'Business Identification Number',
      dashCompany: 'Company',
      dashPermits: 'Licence applications',
      permitIssued: 'Issued',
      permitCheck: 'Under review',
      permitTodo: 'Needs documents',
      caseShared: 'OSS help chat agents see your application PB-UMKU-202611-000123, signed by the portal.',
      servicesTitle: 'Business licensing services',
      cardNibTitle: 'Business Identification Number',
      cardNibText: 'The business identity that also serves as import identification number, customs access and BPJS registration.',
      cardStdTitle: 'Standard Certificate',
      cardStdText: 'For medium-risk activities: a statement and verification that the business standards are met.',
      cardPermitTitle: 'Business Licence',
      cardPermitText: 'For high-risk activities: government approval before the business operates.',
      cardBasicTitle: 'Basic Requirements',
      cardBasicText: 'Spatial use conformity (KKPR), environmental approval, building approval and certificate of fitness.',
      guideTitle: 'Getting an NIB, step by step',
      step1: 'Create an OSS account',
      step1Text: 'with your NIK and an active e-mail',
      step2: 'Enter business data',
      step2Text: 'choose KBLI codes and the location',
      step3: 'Meet the requirements',
      step3Text: 'according to the risk level',
      step4: 'Issue the NIB',
      step4Text: 'download and use it',
      helpTitle: 'Need help?',
      helpText: 'OSS service agents answer your questions by chat, Monday to Friday 08:00\u201316:00 WIB. Outside those hours, leave a message and we will reply by e-mail.',
      helpButton: 'Start a chat',
      footer: 'OSS LiveChat demo. This portal page only shows the chat widget; its data and figures are examples.',
      loginTitle: 'Sign in to OSS (simulated)',
      loginIntro: 'Demo: the portal\u2019s server computes identity_hash for this account, then links this browser\u2019s chats to it.',
      loginUser: 'OSS user ID',
      loginEmail: 'E-mail',
      cancel: 'Cancel',
      loginSubmit: 'Sign in',
      hello: 'Hello, {who}',
      loginFailed: 'The sign-in did not work. Please try again.',
      required: 'Required.',
      emailInvalid: 'Enter a valid e-mail address.'
    },
    id: {
      hello: 'Halo, {who}',
      loginFailed: 'Gagal masuk. Silakan coba lagi.',
      required: 'Wajib diisi.',
      emailInvalid: 'Masukkan alamat e-mail yang valid.'
    }
  };
  var original = {};
  var lang = localStorage.getItem('oss-demo.lang') === 'en' ? 'en' : 'id';

  function text(key) {
    return (TEXTS[lang] && TEXTS[lang][key]) || original[key] || TEXTS.id[key] || key;
  }

  function withWidget(fn) {
    if (window.OSSLiveChat && window.OSSLiveChat.version) fn(window.OSSLiveChat);
    else window.addEventListener('osslivechat:ready', function () { fn(window.OSSLiveChat); }, { once: true });
  }

  function applyLanguage(next, fromUser) {
    lang = next;
    localStorage.setItem('oss-demo.lang', lang);
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      var key = el.getAttribute('data-i18n');
      if (!(key in original)) original[key] = el.textContent;
      el.textContent = lang === 'id' ? original[key] : text(key);
    });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(function (el) {
      var key = el.getAttribute('data-i18n-placeholder');
      if (!(key in original)) original[key] = el.getAttribute('placeholder');
      el.setAttribute('placeholder', lang === 'id' ? original[key] : text(key));
    });
    document.querySelectorAll('[data-i18n-aria]').forEach(function (el) {
      var key = el.getAttribute('data-i18n-aria');
      if (!(key in original)) original[key] = el.getAttribute('aria-label');
      el.setAttribute('aria-label', lang === 'id' ? original[key] : text(key));
    });
    document.querySelectorAll('.lang-switch button').forEach(function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-lang') === lang ? 'true' : 'false');
    });
    document.title = lang === 'en'
      ? 'OSS \u2014 Risk-based business licensing (demo)'
      : 'OSS \u2014 Perizinan Berusaha Berbasis Risiko (demo)';
    showUser();
    if (fromUser) withWidget(function (chat) { chat.setLanguage(lang); });
  }

  // ------------------------------------------------------------ the simulated login

  function currentUser() {
    try { return JSON.parse(sessionStorage.getItem('oss-demo.user')); } catch (e) { return null; }
  }

  function showUser() {
    var user = currentUser();
    document.getElementById('user-box').hidden = !user;
    document.getElementById('login-open').hidden = !!user;
    document.getElementById('dashboard').hidden = !user;
    var name = document.getElementById('user-name');
    name.textContent = user ? text('hello').replace('{who}', user.email || user.oss_user_id) : '';
    name.title = name.textContent;
  }

  function fieldError(id, message) {
    var input = document.getElementById(id);
    var error = document.getElementById(id + '-error');
    error.textContent = message || '';
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  function login(event) {
    event.preventDefault();
    var userId = document.getElementById('login-user').value.trim();
    var email = document.getElementById('login-email').value.trim();
    var box = document.getElementById('login-error');
    box.hidden = true;
    fieldError('login-user', userId ? '' : text('required'));
    fieldError('login-email', !email ? text('required') : /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/.test(email) ? '' : text('emailInvalid'));
    if (!userId || document.getElementById('login-email').hasAttribute('aria-invalid')) {
      (userId ? document.getElementById('login-email') : document.getElementById('login-user')).focus();
      return;
    }
    var submit = document.getElementById('login-submit');
    submit.disabled = true;
    withWidget(function (chat) {
      // the portal's BACKEND computes identity_hash; the browser never holds the secret
      fetch('/demo/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ oss_user_id: userId, email: email, browser_uuid: chat.getBrowserId() })
      })
        .then(function (res) {
          return res.json().catch(function () { return {}; }).then(function (body) {
            if (!res.ok) throw body;
            return body;
          });
        })
        .then(function (user) {
          sessionStorage.setItem('oss-demo.user', JSON.stringify(user));
          chat.identify({ oss_user_id: user.oss_user_id, email: user.email, identity_hash: user.identity_hash });
          passTheCase(chat);
          document.getElementById('login-dialog').close();
          showUser();
          document.getElementById('logout').focus();
        })
        .catch(function (problem) {
          var fields = (problem && problem.fields) || {};
          if (fields.oss_user_id) fieldError('login-user', fields.oss_user_id);
          if (fields.email) fieldError('login-email', fields.email);
          box.textContent = (problem && problem.message) || text('loginFailed');
          box.hidden = false;
        })
        .then(function () { submit.disabled = false; });
    });
  }

  // the portal's BACKEND signs the user's case; the page only passes it on
  function passTheCase(chat) {
    fetch('/demo/case', { headers: { Accept: 'application/json' } })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (signed) {
        if (!signed || !currentUser()) return;
        chat.setContext(signed);
        document.getElementById('case-shared').hidden = false;
      })
      .catch(function () { /* the chat works without the case */ });
  }

  function logout() {
    sessionStorage.removeItem('oss-demo.user');
    document.getElementById('case-shared').hidden = true;
    // a shared computer: the next person must not see this person's chats
    withWidget(function (chat) { chat.logout(); });
    showUser();
    document.getElementById('login-open').focus();
  }

  document.addEventListener('DOMContentLoaded', function () {
    applyLanguage(lang, false);
    withWidget(function (chat) {
      chat.setLanguage(lang);
      var user = currentUser();
      if (user) {
        chat.identify({ oss_user_id: user.oss_user_id, email: user.email, identity_hash: user.identity_hash });
        passTheCase(chat);
      }
    });
    document.querySelectorAll('.lang-switch button').forEach(function (b) {
      b.addEventListener('click', function () { applyLanguage(b.getAttribute('data-lang'), true); });
    });
    var dialog = document.getElementById('login-dialog');
    document.getElementById('login-open').addEventListener('click', function () {
      document.getElementById('login-error').hidden = true;
      dialog.showModal();
    });
    document.getElementById('login-cancel').addEventListener('click', function () { dialog.close(); });
    document.getElementById('login-form').addEventListener('submit', login);
    document.getElementById('logout').addEventListener('click', logout);
    document.getElementById('search-form').addEventListener('submit', function (e) { e.preventDefault(); });
    ['help-open', 'help-open-2'].forEach(function (id) {
      document.getElementById(id).addEventListener('click', function () { withWidget(function (chat) { chat.open(); }); });
    });
  });
})();
