/*!
 * OSS LiveChat website widget.
 *
 * One tag embeds it:
 *   <script src="https://chat.example/widget/widget.js" data-server="https://chat.example"
 *           data-department="perizinan" data-lang="id" async></script>
 *
 * Its one global is window.OSSLiveChat (open, close, toggle, identify, logout, setLanguage,
 * getBrowserId). It draws inside a Shadow DOM, so the page's CSS and the widget's do not touch.
 * Visitor and agent text is only ever set as text nodes: it is never parsed as HTML. The one
 * markup a message gets, its http(s) addresses made links, is built as <a> elements.
 */
(function (window, document) {
  'use strict';

  var queued = window.OSSLiveChat;
  if (queued && queued.version) {
    return; // the tag is on the page twice
  }

  var VERSION = '0.1.0';
  var MAX_TEXT = 4000;
  var EMAIL = /^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$/; // the server's rule (FieldCheck)
  var PHONE_CHARS = /^\+?[0-9 ().-]+$/;
  var SVG_NS = 'http://www.w3.org/2000/svg';
  // The topic list by code, in the server's order (its catalog: docs/API.md, "Topics"): the server
  // stores the code, so agents and reports read one topic whatever language it was chosen in.
  var TOPIC_CODES = ['nib', 'perizinan', 'perubahan-data', 'akun', 'pengaduan', 'lainnya'];

  // ---------------------------------------------------------------- configuration

  var script =
    document.currentScript ||
    (function () {
      var all = document.getElementsByTagName('script');
      for (var i = all.length - 1; i >= 0; i--) {
        if (/\/widget\.js(\?|#|$)/.test(all[i].src)) return all[i];
      }
      return null;
    })();
  var scriptUrl = new URL(script && script.src ? script.src : document.baseURI, document.baseURI);
  var data = (script && script.dataset) || {};
  var config = {
    server: (data.server || scriptUrl.origin).replace(/\/+$/, ''),
    department: (data.department || '').trim().toLowerCase(),
    lang: data.lang === 'en' ? 'en' : 'id',
    css: new URL('widget.css', scriptUrl).href
  };

  // ---------------------------------------------------------------- texts

  var TEXTS = {
    id: {
      launcher: 'Chat Bantuan',
      launcherOpen: 'Buka obrolan bantuan OSS',
      launcherClose: 'Tutup obrolan bantuan OSS',
      title: 'Bantuan OSS',
      subtitleIdle: 'Siap membantu Anda',
      subtitleWaiting: 'Menunggu petugas',
      subtitleActive: '{name} · Petugas',
      subtitleClosed: 'Percakapan selesai',
      close: 'Tutup obrolan',
      history: 'Riwayat percakapan',
      back: 'Kembali ke percakapan',
      langButton: 'EN',
      langLabel: 'Switch to English',
      formTitle: 'Mulai percakapan',
      formIntro: 'Isi data berikut agar petugas dapat membantu Anda. Kolom bertanda * wajib diisi.',
      name: 'Nama lengkap',
      email: 'E-mail',
      phone: 'Nomor telepon',
      position: 'Jabatan',
      company: 'Nama perusahaan',
      department: 'Layanan',
      topic: 'Topik',
      message: 'Pertanyaan Anda',
      optional: 'opsional',
      phoneHint: 'Contoh: +62 812-3456-7890',
      topicChoose: 'Pilih topik…',
      topics: {
        nib: 'Pendaftaran NIB',
        perizinan: 'Perizinan berusaha',
        'perubahan-data': 'Perubahan data usaha',
        akun: 'Akun dan login OSS',
        pengaduan: 'Pengaduan layanan',
        lainnya: 'Lainnya'
      },
      deptOffline: '(tidak ada petugas online)',
      startChat: 'Mulai chat',
      leaveMessage: 'Kirim pesan',
      busy: 'Memproses…',
      offlineNotice:
        'Saat ini tidak ada petugas {dept} yang online. Tinggalkan pesan: pesan Anda disimpan sampai petugas kembali, dan balasannya tampil di sini serta dikirim ke e-mail Anda.',
      loggedInAs: 'Anda masuk sebagai {who}.',
      errorsSummary: 'Periksa kembali isian yang ditandai.',
      errNameRequired: 'Nama wajib diisi.',
      errEmailRequired: 'E-mail wajib diisi.',
      errEmailInvalid: 'Format e-mail tidak valid, contoh: nama@perusahaan.co.id.',
      errPhoneInvalid:
        'Nomor telepon harus 7–15 angka; boleh memakai +, spasi, tanda hubung, titik dan tanda kurung.',
      errTopicRequired: 'Pilih topik pertanyaan Anda.',
      errMessageRequired: 'Tulis pesan Anda.',
      errMaxLength: 'Maksimal {n} karakter.',
      errControl: 'Tidak boleh berisi karakter kontrol.',
      errDepartment: 'Layanan ini sedang tidak tersedia; pilih layanan lain.',
      netError: 'Tidak dapat terhubung ke server chat. Periksa koneksi internet Anda, lalu coba lagi.',
      serverError: 'Terjadi gangguan pada server chat. Silakan coba lagi sebentar lagi.',
      rateLimited: 'Terlalu banyak permintaan. Tunggu sebentar, lalu coba lagi.',
      queueFull: 'Antrean layanan ini sedang penuh. Silakan coba lagi beberapa menit lagi.',
      identityError: 'Login Anda tidak dapat diverifikasi. Muat ulang halaman, atau keluar lalu coba lagi.',
      sessionGone: 'Percakapan sebelumnya tidak dapat dilanjutkan. Silakan mulai percakapan baru.',
      retry: 'Coba lagi',
      queueTitle: 'Anda dalam antrean',
      queuePosition: 'Posisi antrean: {n}',
      waitEstimate: 'Perkiraan waktu tunggu: {t}',
      waitNow: 'Petugas akan segera melayani Anda.',
      lessMinute: 'kurang dari 1 menit',
      minutes: '± {n} menit',
      offlineTitle: 'Tidak ada petugas online',
      nobodyOnline:
        'Tulis pesan Anda di bawah. Pesan disimpan sampai petugas kembali; balasannya tampil di sini dan dikirim ke {email}.',
      messageLeft:
        'Pesan Anda tersimpan dan menunggu petugas; Anda boleh menutup halaman ini. Balasannya tampil di sini saat Anda kembali ke portal di peramban ini, dan dikirim ke {email} bila Anda sudah pergi.',
      connectedWith: 'Anda terhubung dengan {name}.',
      ended: 'Percakapan telah selesai.',
      endedByVisitor: 'Anda telah mengakhiri percakapan ini.',
      endChat: 'Akhiri chat',
      endQuestion: 'Akhiri percakapan ini?',
      endExplainWaiting: 'Anda keluar dari antrean, dan pesan Anda tidak lagi menunggu petugas.',
      endExplainActive: 'Petugas tidak dapat membalas lagi di percakapan ini.',
      endConfirm: 'Ya, akhiri',
      endCancel: 'Batal',
      you: 'Anda',
      agent: 'Petugas',
      system: 'Sistem',
      typing: '{name} sedang mengetik…',
      composerLabel: 'Tulis pesan',
      composer: 'Tulis pesan…',
      send: 'Kirim pesan',
      tooLong: '{n} karakter lagi',
      markPending: 'Mengirim',
      markQueued: 'Menunggu koneksi',
      markSent: 'Terkirim',
      markRead: 'Dibaca',
      markFailed: 'Gagal terkirim',
      resend: 'Kirim ulang',
      connecting: 'Menghubungkan…',
      connLost: 'Koneksi terputus. Menyambung kembali… Pesan Anda tetap tersimpan.',
      queuedNotice: 'Pesan akan terkirim saat koneksi pulih.',
      rateTitle: 'Bagaimana pelayanan kami?',
      star: '{n} dari 5 bintang',
      comment: 'Komentar',
      sendRating: 'Kirim penilaian',
      ratingThanks: 'Terima kasih atas penilaian Anda.',
      ratingRequired: 'Pilih 1 sampai 5 bintang.',
      ratingUnavailable: 'Penilaian belum dapat dikirim saat ini. Coba lagi nanti.',
      transcriptTitle: 'Kirim transkrip ke e-mail',
      sendTranscript: 'Kirim transkrip',
      transcriptSent: 'Transkrip akan dikirim ke {email}.',
      transcriptAlready: 'Transkrip percakapan ini sudah dikirim ke {email}.',
      transcriptUnavailable: 'Pengiriman transkrip belum tersedia saat ini. Coba lagi nanti.',
      transcriptAddress: 'Transkrip hanya dapat dikirim ke e-mail kontak percakapan ini atau e-mail akun OSS Anda.',
      newChat: 'Mulai percakapan baru',
      historyTitle: 'Riwayat percakapan',
      historyEmpty: 'Belum ada percakapan sebelumnya.',
      historyError: 'Riwayat tidak dapat dimuat.',
      loadMore: 'Muat lebih banyak',
      loading: 'Memuat…',
      status_waiting: 'Menunggu',
      status_active: 'Berlangsung',
      status_closed: 'Selesai',
      currentChat: 'Percakapan saat ini',
      noMessages: 'Belum ada pesan.',
      onlyOnDevice: 'Isi lengkap percakapan ini hanya dapat dibuka di perangkat tempat percakapan dimulai.',
      messagesUnavailable: 'Isi percakapan belum dapat dimuat saat ini.',
      continueChat: 'Lanjutkan percakapan ini',
      lastMessage: 'Pesan terakhir',
      unread: '{n} pesan baru',
      poweredBy: 'Layanan bantuan OSS'
    },
    en: {
      launcher: 'Help chat',
      launcherOpen: 'Open the OSS help chat',
      launcherClose: 'Close the OSS help chat',
      title: 'OSS Help',
      subtitleIdle: 'Here to help you',
      subtitleWaiting: 'Waiting for an agent',
      subtitleActive: '{name} · Agent',
      subtitleClosed: 'Chat ended',
      close: 'Close chat',
      history: 'Past conversations',
      back: 'Back to the chat',
      langButton: 'ID',
      langLabel: 'Ganti ke Bahasa Indonesia',
      formTitle: 'Start a chat',
      formIntro: 'Tell us who you are so an agent can help you. Fields marked * are required.',
      name: 'Full name',
      email: 'E-mail',
      phone: 'Phone number',
      position: 'Position',
      company: 'Company name',
      department: 'Service',
      topic: 'Topic',
      message: 'Your question',
      optional: 'optional',
      phoneHint: 'For example: +62 812-3456-7890',
      topicChoose: 'Choose a topic…',
      topics: {
        nib: 'NIB registration',
        perizinan: 'Business licensing',
        'perubahan-data': 'Changing business data',
        akun: 'OSS account and login',
        pengaduan: 'Service complaint',
        lainnya: 'Other'
      },
      deptOffline: '(no agent online)',
      startChat: 'Start chat',
      leaveMessage: 'Send message',
      busy: 'Working…',
      offlineNotice:
        'No {dept} agent is online right now. Leave a message: it is kept until an agent is back, and the reply appears here and is sent to your e-mail.',
      loggedInAs: 'You are signed in as {who}.',
      errorsSummary: 'Please check the marked fields.',
      errNameRequired: 'Enter your name.',
      errEmailRequired: 'Enter your e-mail address.',
      errEmailInvalid: 'Enter a valid e-mail address, e.g. name@company.co.id.',
      errPhoneInvalid:
        'A phone number has 7 to 15 digits; +, spaces, dashes, dots and brackets are allowed.',
      errTopicRequired: 'Choose the topic of your question.',
      errMessageRequired: 'Write your message.',
      errMaxLength: 'At most {n} characters.',
      errControl: 'Must not contain control characters.',
      errDepartment: 'This service is not available now; choose another one.',
      netError: 'Cannot reach the chat server. Check your internet connection and try again.',
      serverError: 'The chat server has a problem. Please try again in a moment.',
      rateLimited: 'Too many requests. Wait a moment and try again.',
      queueFull: 'The queue of this service is full right now. Please try again in a few minutes.',
      identityError: 'Your login could not be verified. Reload the page, or sign out and try again.',
      sessionGone: 'Your previous chat cannot be continued. Please start a new one.',
      retry: 'Try again',
      queueTitle: 'You are in the queue',
      queuePosition: 'Place in the queue: {n}',
      waitEstimate: 'Expected wait: {t}',
      waitNow: 'An agent will be with you shortly.',
      lessMinute: 'less than a minute',
      minutes: 'about {n} min',
      offlineTitle: 'No agent online',
      nobodyOnline:
        'Write your message below. It is kept until an agent is back; the reply appears here and is sent to {email}.',
      messageLeft:
        'Your message is saved and waits for an agent; you may close this page. The reply appears here when you come back to the portal in this browser, and is sent to {email} if you have left.',
      connectedWith: 'You are chatting with {name}.',
      ended: 'This chat has ended.',
      endedByVisitor: 'You ended this chat.',
      endChat: 'End chat',
      endQuestion: 'End this chat?',
      endExplainWaiting: 'You leave the queue, and your message no longer waits for an agent.',
      endExplainActive: 'The agent will not be able to reply in this chat any more.',
      endConfirm: 'Yes, end it',
      endCancel: 'Cancel',
      you: 'You',
      agent: 'Agent',
      system: 'System',
      typing: '{name} is typing…',
      composerLabel: 'Write a message',
      composer: 'Write a message…',
      send: 'Send message',
      tooLong: '{n} characters left',
      markPending: 'Sending',
      markQueued: 'Waiting for connection',
      markSent: 'Delivered',
      markRead: 'Read',
      markFailed: 'Not delivered',
      resend: 'Resend',
      connecting: 'Connecting…',
      connLost: 'Connection lost. Reconnecting… Your messages are kept.',
      queuedNotice: 'Messages will be sent when the connection is back.',
      rateTitle: 'How did we do?',
      star: '{n} of 5 stars',
      comment: 'Comment',
      sendRating: 'Send rating',
      ratingThanks: 'Thank you for your rating.',
      ratingRequired: 'Choose 1 to 5 stars.',
      ratingUnavailable: 'The rating cannot be sent right now. Please try later.',
      transcriptTitle: 'E-mail me the transcript',
      sendTranscript: 'Send transcript',
      transcriptSent: 'The transcript will be sent to {email}.',
      transcriptAlready: 'The transcript of this chat has already been sent to {email}.',
      transcriptUnavailable: 'Transcripts cannot be sent right now. Please try later.',
      transcriptAddress: 'The transcript can only be sent to the contact e-mail of this chat or of your OSS account.',
      newChat: 'Start a new chat',
      historyTitle: 'Past conversations',
      historyEmpty: 'No earlier conversations yet.',
      historyError: 'The history could not be loaded.',
      loadMore: 'Load more',
      loading: 'Loading…',
      status_waiting: 'Waiting',
      status_active: 'In progress',
      status_closed: 'Ended',
      currentChat: 'Current chat',
      noMessages: 'No messages yet.',
      onlyOnDevice: 'The full conversation can only be opened on the device where it was started.',
      messagesUnavailable: 'The conversation cannot be loaded right now.',
      continueChat: 'Continue this chat',
      lastMessage: 'Last message',
      unread: '{n} new messages',
      poweredBy: 'OSS help desk'
    }
  };

  /** A session's topic in the visitor's language: by its code, else as the server named it. */
  function topicLabel(code, fallback) {
    var names = TEXTS[state.lang].topics;
    return (code && Object.prototype.hasOwnProperty.call(names, code) && names[code]) || fallback || '';
  }

  function t(key, vars) {
    var text = TEXTS[state.lang][key];
    if (text === undefined) text = TEXTS.id[key];
    if (typeof text !== 'string' || !vars) return text;
    return text.replace(/\{(\w+)\}/g, function (_, name) {
      return vars[name] === undefined || vars[name] === null ? '' : String(vars[name]);
    });
  }

  // ---------------------------------------------------------------- storage

  var store = (function () {
    var PREFIX = 'osslc.';
    var memory = {};
    function backend(kind) {
      try {
        var s = window[kind];
        s.setItem(PREFIX + 'probe', '1');
        s.removeItem(PREFIX + 'probe');
        return s;
      } catch (e) {
        return null; // storage disabled: the widget still works for this page view
      }
    }
    var local = backend('localStorage');
    var tab = backend('sessionStorage');
    function read(s, key) {
      try {
        var raw = s ? s.getItem(PREFIX + key) : memory[key];
        return raw == null ? null : JSON.parse(raw);
      } catch (e) {
        return null;
      }
    }
    function write(s, key, value) {
      var raw = JSON.stringify(value);
      try {
        if (s) s.setItem(PREFIX + key, raw);
        else memory[key] = raw;
      } catch (e) {
        memory[key] = raw; // quota: keep it for this page view
      }
    }
    return {
      prefix: PREFIX,
      get: function (key) { return read(local, key); },
      set: function (key, value) { write(local, key, value); },
      remove: function (key) {
        try { if (local) local.removeItem(PREFIX + key); } catch (e) { /* ignore */ }
        delete memory[key];
      },
      getTab: function (key) { return read(tab, key); },
      setTab: function (key, value) { write(tab, key, value); },
      clearAll: function () {
        [local, tab].forEach(function (s) {
          if (!s) return;
          try {
            for (var i = s.length - 1; i >= 0; i--) {
              var k = s.key(i);
              if (k && k.indexOf(PREFIX) === 0) s.removeItem(k);
            }
          } catch (e) { /* ignore */ }
        });
        memory = {};
      }
    };
  })();

  function newUuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    // crypto.randomUUID exists only in secure contexts (https, localhost)
    var b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  function isUuid(value) {
    return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
  }

  /** The browser's id: created once, kept in localStorage; the secret that reads its history. */
  function browserUuid() {
    var id = store.get('browser_uuid');
    if (!isUuid(id)) {
      id = newUuid();
      store.set('browser_uuid', id);
    }
    return id;
  }

  // Known sessions of this browser: { id: {token, topic, started_at, contact, rated, ...} }
  function knownSessions() { return store.get('sessions') || {}; }
  function rememberSession(id, fields) {
    var all = knownSessions();
    var entry = all[id] || {};
    Object.keys(fields).forEach(function (k) { entry[k] = fields[k]; });
    all[id] = entry;
    store.set('sessions', all);
    return entry;
  }
  function forgetSession(id) {
    var all = knownSessions();
    delete all[id];
    store.set('sessions', all);
    store.remove('msgs.' + id);
    if (store.get('current') === id) store.remove('current');
  }
  function cachedMessages(id) { return store.get('msgs.' + id) || []; }
  function cacheMessages(id, list) { store.set('msgs.' + id, list.slice(-200)); }

  // ---------------------------------------------------------------- HTTP

  function ApiError(status, body) {
    this.status = status; // 0: the server could not be reached
    this.code = body && body.error;
    this.serverMessage = body && body.message;
    this.fields = (body && body.fields) || {};
  }

  function api(method, path, options) {
    options = options || {};
    var url = config.server + '/api/oss-chat' + path;
    if (options.query) {
      var q = new URLSearchParams();
      Object.keys(options.query).forEach(function (k) {
        var v = options.query[k];
        if (v !== undefined && v !== null && v !== '') q.append(k, v);
      });
      url += '?' + q.toString();
    }
    var headers = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.token) headers.Authorization = 'Bearer ' + options.token;
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = controller && setTimeout(function () { controller.abort(); }, 20000);
    return fetch(url, {
      method: method,
      headers: headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'omit',
      cache: 'no-store',
      signal: controller ? controller.signal : undefined
    }).then(
      function (res) {
        clearTimeout(timer);
        return res.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          if (!res.ok) throw new ApiError(res.status, json);
          return json;
        }, function () {
          throw new ApiError(res.ok ? 0 : res.status, null);
        });
      },
      function () {
        clearTimeout(timer);
        throw new ApiError(0, null);
      }
    );
  }

  /** A sentence for a refused or failed call, in the visitor's language. */
  function describe(error) {
    if (!error || error.status === 0) return t('netError');
    if (error.status === 429) return t('rateLimited');
    if (error.code === 'queue_full') return t('queueFull');
    if (error.code === 'invalid_identity') return t('identityError');
    if (error.status >= 500) return t('serverError');
    if (state.lang === 'en' && error.serverMessage) return error.serverMessage;
    return t('serverError');
  }

  /** The server's field reasons (English) in the visitor's language. */
  function fieldReason(reason) {
    var r = String(reason || '');
    var m = /must be at most (\d+) characters/.exec(r);
    if (m) return t('errMaxLength', { n: m[1] });
    if (r === 'is required') return null; // the field's own "required" text is clearer
    if (/valid e-mail/.test(r)) return t('errEmailInvalid');
    if (/phone number/.test(r)) return t('errPhoneInvalid');
    if (/control characters/.test(r)) return t('errControl');
    if (/open department/.test(r)) return t('errDepartment');
    return r.charAt(0).toUpperCase() + r.slice(1) + (/[.!?]$/.test(r) ? '' : '.');
  }

  // ---------------------------------------------------------------- DOM helpers

  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === undefined || v === null || v === false) return;
        if (k === 'class') el.className = v;
        else if (k === 'text') el.textContent = v;
        else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
        else if (k === 'value') el.value = v;
        else el.setAttribute(k, v === true ? '' : v);
      });
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  function append(el, child) {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(el, c); });
    } else {
      el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  }

  // An http(s) address in a message: up to the next space or character no address holds unescaped.
  var ADDRESS = /\bhttps?:\/\/[^\s<>"'`]+/gi;

  /**
   * Appends a message's text to el: its http and https addresses as links (a new tab, no opener,
   * no referrer), everything else as text nodes. No other scheme becomes a link, and nothing is
   * ever parsed as HTML.
   */
  function appendMessageText(el, text) {
    var at = 0;
    var match;
    ADDRESS.lastIndex = 0;
    while ((match = ADDRESS.exec(text)) !== null) {
      var address = withoutTrailingPunctuation(match[0]);
      var href = webAddress(address);
      if (!href) continue;
      if (match.index > at) el.appendChild(document.createTextNode(text.slice(at, match.index)));
      el.appendChild(h('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: address }));
      at = match.index + address.length;
      ADDRESS.lastIndex = at;
    }
    if (at < text.length) el.appendChild(document.createTextNode(text.slice(at)));
  }

  /** "Lihat https://oss.go.id/panduan." links the address, not the full stop after it. */
  function withoutTrailingPunctuation(address) {
    function count(ch) { return address.split(ch).length - 1; }
    for (;;) {
      var last = address.charAt(address.length - 1);
      var unopened = (last === ')' && count('(') < count(')')) || (last === ']' && count('[') < count(']'));
      if (/[.,;:!?'"]/.test(last) || unopened) address = address.slice(0, -1);
      else return address;
    }
  }

  /** The address as the browser reads it, if it is an http or https one. */
  function webAddress(address) {
    try {
      var url = new URL(address);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  var ICONS = {
    chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
    close: 'M6 6l12 12M18 6L6 18',
    history: 'M12 7v5l3 2M3.05 11a9 9 0 1 1 .5 4M3 4v5h5',
    back: 'M15 18l-6-6 6-6',
    send: 'M4 12l16-8-6 16-2.5-6.5z',
    clock: 'M12 7v5l3 2M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z',
    alert: 'M12 8v5M12 16.5v.5M10.3 3.9L2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z'
  };

  function icon(name, cls) {
    var svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'icon' + (cls ? ' ' + cls : ''));
    var path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', ICONS[name]);
    svg.appendChild(path);
    return svg;
  }

  function formatTime(iso) {
    if (!iso) return '';
    var d = new Date(iso);
    if (isNaN(d)) return '';
    return new Intl.DateTimeFormat(state.lang === 'en' ? 'en-GB' : 'id-ID', { hour: '2-digit', minute: '2-digit' }).format(d);
  }

  function formatDate(iso) {
    var d = new Date(iso);
    if (isNaN(d)) return '';
    return new Intl.DateTimeFormat(state.lang === 'en' ? 'en-GB' : 'id-ID', {
      day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit'
    }).format(d);
  }

  function formatWait(seconds) {
    if (seconds < 60) return t('lessMinute');
    return t('minutes', { n: Math.round(seconds / 60) });
  }

  // ---------------------------------------------------------------- state

  var state = {
    lang: store.get('lang') === 'en' || store.get('lang') === 'id' ? store.get('lang') : config.lang,
    open: false,
    view: 'form', // form | chat | history | transcript
    identity: null, // {oss_user_id, email, identity_hash} from identify()
    departments: null, // null: not known (the list is not available)
    departmentsAt: 0,
    form: { values: {}, errors: {}, general: null, busy: false },
    pending: null, // a started session whose contact is not stored yet: {id, token}
    session: null, // the current conversation, see loadSession
    conn: 'idle', // idle | connecting | online (socket) | rest (socket down, REST answers) | offline
    unread: 0,
    history: null,
    transcript: null,
    notice: null // a sentence shown above the form (e.g. the previous chat is gone)
  };

  var ui = {}; // elements that live across renders

  // ---------------------------------------------------------------- the session

  function loadSession(id) {
    var known = knownSessions()[id];
    if (!known || !known.token) return null;
    var messages = cachedMessages(id);
    var last = 0;
    messages.forEach(function (m) { if (m.seq && m.seq > last) last = m.seq; });
    return {
      id: id,
      token: known.token,
      topic: known.topic,
      topicCode: known.topic_code || null,
      status: known.status || 'waiting',
      agent: known.agent || null,
      department: known.department || null,
      contact: known.contact || null,
      queue: known.queue || null,
      closeReason: known.close_reason || null,
      rated: !!known.rated,
      transcriptTo: known.transcript_to || null,
      transcriptAlready: !!known.transcript_already,
      messages: messages,
      lastSeq: last,
      agentReadSeq: known.agent_read_seq || 0,
      visitorReadSeq: known.visitor_read_seq || 0
    };
  }

  function saveSession() {
    var s = state.session;
    if (!s) return;
    rememberSession(s.id, {
      token: s.token,
      topic: s.topic,
      topic_code: s.topicCode,
      status: s.status,
      agent: s.agent,
      department: s.department,
      contact: s.contact,
      queue: s.queue,
      close_reason: s.closeReason,
      rated: s.rated,
      transcript_to: s.transcriptTo,
      transcript_already: s.transcriptAlready,
      agent_read_seq: s.agentReadSeq,
      visitor_read_seq: s.visitorReadSeq
    });
    cacheMessages(s.id, s.messages);
  }

  function adoptCurrent() {
    var id = store.get('current');
    if (!id) return false;
    var session = loadSession(id);
    if (!session) {
      store.remove('current');
      return false;
    }
    state.session = session;
    state.view = 'chat';
    return true;
  }

  /** Brings the current session up to date from GET /session/:id; handles a lost session. */
  function refreshSession() {
    var s = state.session;
    if (!s) return Promise.resolve();
    var askedAt = Date.now();
    return api('GET', '/session/' + encodeURIComponent(s.id), { token: s.token }).then(
      function (view) {
        if (state.session !== s) return;
        // a socket frame that came after we asked is newer than this answer
        if (s.frameAt && s.frameAt >= askedAt) return;
        applySessionView(view);
      },
      function (error) {
        if (state.session !== s) return;
        if (error.status === 401 || error.status === 403 || error.status === 404) {
          dropCurrent(t('sessionGone'));
        } else {
          throw error;
        }
      }
    );
  }

  function applySessionView(view) {
    var s = state.session;
    var before = s.status;
    s.status = view.status;
    s.topic = view.topic || s.topic;
    s.topicCode = view.topic_code || s.topicCode || null;
    s.agent = view.agent || null;
    s.department = view.department || s.department;
    s.contact = view.contact || s.contact;
    s.closeReason = view.close_reason || null;
    s.queue = view.status === 'waiting' && view.queue_position != null
      ? { position: view.queue_position, wait: view.expected_wait_seconds, online: view.agents_online }
      : null;
    if (typeof view.last_seq === 'number') s.serverLastSeq = view.last_seq;
    saveSession();
    statusChanged(before);
    // a poll that changes nothing must not rebuild the conversation under the visitor's eyes
    var shape = JSON.stringify([s.status, s.agent, s.closeReason]);
    if (shape !== s.renderedShape) {
      s.renderedShape = shape;
      render();
    } else {
      renderStatus();
    }
  }

  function dropCurrent(notice) {
    if (state.session) forgetSession(state.session.id);
    realtime.stop();
    state.session = null;
    state.notice = notice || null;
    state.view = 'form';
    render();
  }

  function statusChanged(before) {
    var s = state.session;
    if (!s || before === s.status) return;
    if (s.status === 'active' && s.agent) announce(t('connectedWith', { name: s.agent.name }));
    if (s.status === 'closed') {
      announce(s.closeReason === 'visitor_ended' ? t('endedByVisitor') : t('ended'));
      realtime.stop();
      // what was written before the end and not seen yet: the reply to a message the visitor
      // left, given while they were away, by an agent who then closed the chat
      realtime.fetchMessages(s).catch(function () { /* shown at the next visit */ });
      var active = ui.shadow && ui.shadow.activeElement;
      if (active && active === ui.composer) ui.pendingFocus = 'ended';
    }
  }

  // ---------------------------------------------------------------- messages

  function findMessage(list, seq, clientMsgId) {
    for (var i = 0; i < list.length; i++) {
      var m = list[i];
      if ((seq && m.seq === seq) || (clientMsgId && m.client_msg_id === clientMsgId)) return m;
    }
    return null;
  }

  /** A message.new (from the socket or the REST page): stored once, in seq order. */
  function applyMessage(frame) {
    var s = state.session;
    if (!s || frame.session_id !== s.id || !frame.seq) return;
    var existing = findMessage(s.messages, frame.seq, frame.client_msg_id);
    if (existing) {
      if (!existing.seq) {
        existing.seq = frame.seq;
        existing.sent_at = frame.sent_at || existing.sent_at;
        existing.state = 'sent';
        existing.sender = frame.sender || existing.sender;
        updateMessageView(existing);
      }
    } else {
      var msg = {
        seq: frame.seq,
        client_msg_id: frame.client_msg_id,
        sender: frame.sender || { type: 'system' },
        text: String(frame.text == null ? '' : frame.text),
        sent_at: frame.sent_at,
        state: 'sent'
      };
      insertInOrder(s.messages, msg);
      appendMessageView(msg);
      var fromStaff = msg.sender.type !== 'visitor';
      if (fromStaff && msg.sender.type === 'agent') hideTyping();
      if (fromStaff && !(state.open && state.view === 'chat' && document.visibilityState !== 'hidden')) {
        state.unread += 1;
        renderLauncher();
      }
    }
    if (frame.seq > s.lastSeq) s.lastSeq = frame.seq;
    saveSession();
    sendReadIfSeen();
  }

  function insertInOrder(list, msg) {
    var i = list.length;
    // unsent messages (no seq yet) stay last; stored ones in seq order before them
    while (i > 0 && (!list[i - 1].seq || list[i - 1].seq > msg.seq)) i--;
    list.splice(i, 0, msg);
  }

  function applyAck(ack) {
    var s = state.session;
    if (!s || ack.session_id !== s.id) return;
    var m = findMessage(s.messages, null, ack.client_msg_id);
    if (!m) return;
    var already = findMessage(s.messages, ack.seq, null);
    if (already && already !== m) {
      s.messages.splice(s.messages.indexOf(m), 1); // the message.new came first
      removeMessageView(m);
      return;
    }
    m.seq = ack.seq;
    m.sent_at = ack.sent_at || m.sent_at;
    m.state = 'sent';
    m.error = null;
    s.messages.splice(s.messages.indexOf(m), 1);
    insertInOrder(s.messages, m);
    if (ack.seq > s.lastSeq) s.lastSeq = ack.seq;
    saveSession();
    updateMessageView(m);
    if (s.status === 'waiting') renderStatus(); // a stored message: the chat now waits as a left message
  }

  function sendText(text) {
    var s = state.session;
    if (!s || s.status === 'closed') return;
    var msg = {
      seq: null,
      client_msg_id: newUuid(),
      sender: { type: 'visitor', name: (s.contact && s.contact.contact_name) || null },
      text: text,
      sent_at: new Date().toISOString(),
      state: 'pending',
      local: true
    };
    s.messages.push(msg);
    saveSession();
    appendMessageView(msg);
    deliver(msg);
  }

  function deliver(msg) {
    var s = state.session;
    if (!s) return;
    msg.state = 'pending';
    msg.error = null;
    updateMessageView(msg);
    if (realtime.send({ type: 'message.send', session_id: s.id, client_msg_id: msg.client_msg_id, text: msg.text })) {
      return; // message.ack follows; if the socket drops first, resume re-sends it
    }
    api('POST', '/session/' + encodeURIComponent(s.id) + '/messages', {
      token: s.token,
      body: { client_msg_id: msg.client_msg_id, text: msg.text }
    }).then(
      function (ack) { applyAck(ack); },
      function (error) {
        if (state.session !== s || msg.seq) return;
        if (error.status === 400 || error.status === 409 || error.status === 413) {
          msg.state = 'failed';
          msg.error = error.status === 409 ? t('ended') : fieldReason((error.fields && error.fields.text) || error.serverMessage);
          if (error.status === 409) refreshSession().catch(function () {});
        } else if (error.status === 401 || error.status === 403) {
          msg.state = 'failed';
          refreshSession().catch(function () {});
        } else {
          msg.state = 'queued'; // no connection yet: sent by the next reconnect or poll
        }
        saveSession();
        updateMessageView(msg);
        renderBanner();
      }
    );
  }

  function flushOutbox() {
    var s = state.session;
    if (!s) return;
    s.messages.forEach(function (m) {
      if (!m.seq && (m.state === 'pending' || m.state === 'queued')) deliver(m);
    });
  }

  function lastStaffSeq() {
    var s = state.session;
    var last = 0;
    if (!s) return 0;
    s.messages.forEach(function (m) { if (m.seq && m.sender.type !== 'visitor' && m.seq > last) last = m.seq; });
    return last;
  }

  function sendReadIfSeen() {
    var s = state.session;
    if (!s || !state.open || state.view !== 'chat' || document.visibilityState === 'hidden') return;
    state.unread = 0;
    renderLauncher();
    var upTo = lastStaffSeq();
    if (upTo > s.visitorReadSeq && realtime.send({ type: 'read', session_id: s.id, up_to_seq: upTo })) {
      s.visitorReadSeq = upTo;
      saveSession();
    }
  }

  // ---------------------------------------------------------------- realtime

  /**
   * The visitor WebSocket: auth first, then resume after the last seq we have. Reconnects with
   * exponential backoff; while it is down the REST endpoints carry messages and status.
   */
  var realtime = {
    ws: null,
    ready: false,
    attempt: 0,
    reconnectTimer: null,
    pingTimer: null,
    pollTimer: null,
    stopped: true,
    restMessages: true,
    restCheckedAt: 0,

    start: function () {
      if (!state.session || state.session.status === 'closed') return;
      this.stopped = false;
      if (!this.ws) this.connect();
      this.schedulePoll(0);
    },

    stop: function () {
      this.stopped = true;
      clearTimeout(this.reconnectTimer);
      clearTimeout(this.pollTimer);
      clearInterval(this.pingTimer);
      var ws = this.ws;
      this.ws = null;
      this.ready = false;
      if (ws) { try { ws.close(1000); } catch (e) { /* ignore */ } }
      setConn('idle');
    },

    url: function () {
      return config.server.replace(/^http/, 'ws') + '/ws/visitor';
    },

    connect: function () {
      var self = this;
      var s = state.session;
      clearTimeout(this.reconnectTimer);
      if (this.stopped || !s || s.status === 'closed' || typeof WebSocket !== 'function') return;
      var ws;
      try {
        ws = new WebSocket(this.url());
      } catch (e) {
        this.scheduleReconnect();
        return;
      }
      this.ws = ws;
      this.ready = false;
      if (state.conn !== 'offline') setConn('connecting');
      ws.onopen = function () {
        ws.send(JSON.stringify({ type: 'auth', token: s.token }));
      };
      ws.onmessage = function (event) {
        if (self.ws !== ws) return;
        var frame;
        try { frame = JSON.parse(event.data); } catch (e) { return; }
        if (frame && typeof frame.type === 'string') self.handle(frame, ws, s);
      };
      ws.onclose = function (event) {
        if (self.ws !== ws) return;
        self.ws = null;
        self.ready = false;
        clearInterval(self.pingTimer);
        if (self.stopped) return;
        if (event.code === 4401) {
          // the token no longer opens this session: ask the server what became of it
          refreshSession().catch(function () {});
          return;
        }
        if (state.conn === 'online' || state.conn === 'connecting') setConn('rest');
        self.scheduleReconnect();
        self.schedulePoll(0);
      };
      ws.onerror = function () { /* onclose follows */ };
    },

    scheduleReconnect: function () {
      var self = this;
      if (this.stopped) return;
      var base = Math.min(30000, 1000 * Math.pow(2, Math.min(this.attempt, 5)));
      this.attempt += 1;
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = setTimeout(function () { self.connect(); }, base / 2 + Math.random() * base / 2);
    },

    reconnectNow: function () {
      if (this.stopped || this.ws) return;
      this.attempt = 0;
      this.connect();
      this.schedulePoll(0);
    },

    send: function (frame) {
      if (!this.ws || !this.ready || this.ws.readyState !== 1) return false;
      try {
        this.ws.send(JSON.stringify(frame));
        return true;
      } catch (e) {
        return false;
      }
    },

    handle: function (frame, ws, s) {
      var self = this;
      if (state.session !== s) return;
      switch (frame.type) {
        case 'auth.ok':
          ws.send(JSON.stringify({ type: 'resume', session_id: s.id, after_seq: s.lastSeq }));
          break;
        case 'resume.done':
          this.ready = true;
          this.attempt = 0;
          setConn('online');
          clearTimeout(this.pollTimer);
          clearInterval(this.pingTimer);
          this.pingTimer = setInterval(function () { self.send({ type: 'ping' }); }, 25000);
          flushOutbox();
          sendReadIfSeen();
          break;
        case 'message.new':
          applyMessage(frame);
          break;
        case 'message.ack':
          applyAck(frame);
          break;
        case 'typing':
          if (frame.sender && frame.sender.type !== 'visitor') {
            if (frame.typing) showTyping(frame.sender.name);
            else hideTyping();
          }
          break;
        case 'read':
          if (frame.reader === 'agent' && frame.up_to_seq > s.agentReadSeq) {
            s.agentReadSeq = frame.up_to_seq;
            saveSession();
            s.messages.forEach(function (m) { if (m.sender.type === 'visitor') updateMessageView(m); });
          }
          break;
        case 'session.updated':
          s.frameAt = Date.now();
          var before = s.status;
          s.status = frame.status || s.status;
          s.agent = frame.agent || (frame.status === 'waiting' ? null : s.agent);
          s.closeReason = frame.close_reason || null;
          if (s.status !== 'waiting') s.queue = null;
          saveSession();
          statusChanged(before);
          render();
          break;
        case 'queue.position':
          s.frameAt = Date.now();
          s.queue = { position: frame.position, wait: frame.expected_wait_seconds, online: frame.agents_online };
          saveSession();
          renderStatus();
          break;
        case 'error':
          this.handleError(frame, s);
          break;
        default:
          break; // pong and frames of later versions
      }
    },

    handleError: function (frame, s) {
      var m = frame.ref ? findMessage(s.messages, null, frame.ref) : null;
      if (m && !m.seq) {
        m.state = 'failed';
        m.error = frame.code === 'session_closed' ? t('ended') : fieldReason(frame.message);
        saveSession();
        updateMessageView(m);
      }
      if (frame.code === 'session_closed') refreshSession().catch(function () {});
    },

    schedulePoll: function (delay) {
      var self = this;
      clearTimeout(this.pollTimer);
      if (this.stopped) return;
      this.pollTimer = setTimeout(function () { self.poll(); }, delay);
    },

    /** The REST fallback while the socket is not ready: status, missed messages, the outbox. */
    poll: function () {
      var self = this;
      var s = state.session;
      if (this.stopped || !s || this.ready) return;
      refreshSession()
        .then(function () {
          if (state.session !== s || s.status === 'closed') return;
          if (!self.ready) setConn('rest');
          flushOutbox();
          return self.fetchMessages(s);
        })
        .catch(function () { setConn('offline'); })
        .then(function () {
          if (!self.ready) self.schedulePoll(document.visibilityState === 'hidden' ? 30000 : 8000);
        });
    },

    fetchMessages: function (s) {
      var self = this;
      if (!this.restMessages && Date.now() - this.restCheckedAt < 60000) return Promise.resolve();
      return api('GET', '/session/' + encodeURIComponent(s.id) + '/messages', {
        token: s.token,
        query: { after_seq: s.lastSeq }
      }).then(
        function (page) {
          self.restMessages = true;
          if (state.session !== s || !page) return;
          (page.messages || []).forEach(applyMessage);
          if (page.has_more && (page.messages || []).length) return self.fetchMessages(s);
        },
        function (error) {
          if (error.status === 404 || error.status === 405) {
            self.restMessages = false; // a server without the REST fallback yet
            self.restCheckedAt = Date.now();
          } else {
            throw error;
          }
        }
      );
    }
  };

  function setConn(conn) {
    if (state.conn === conn) return;
    var wasOnline = state.conn === 'online' || state.conn === 'rest';
    state.conn = conn;
    if (conn === 'offline' && wasOnline !== false) announce(t('connLost'));
    renderBanner();
  }

  // ---------------------------------------------------------------- the form

  var FIELDS = {
    contact_name: 'name',
    contact_email: 'email',
    contact_phone: 'phone',
    position: 'position',
    company_name: 'company',
    topic: 'topic',
    topic_code: 'topic',
    department_id: 'department'
  };

  function validate(values, offline) {
    var errors = {};
    if (!values.name) errors.name = t('errNameRequired');
    if (!values.email) errors.email = t('errEmailRequired');
    else if (values.email.length > 255 || !EMAIL.test(values.email)) errors.email = t('errEmailInvalid');
    if (values.phone) {
      var digits = values.phone.replace(/\D/g, '').length;
      if (!PHONE_CHARS.test(values.phone) || digits < 7 || digits > 15) errors.phone = t('errPhoneInvalid');
    }
    if (!values.topic) errors.topic = t('errTopicRequired');
    if (offline && !values.message) errors.message = t('errMessageRequired');
    if (values.message && values.message.length > MAX_TEXT) errors.message = t('errMaxLength', { n: MAX_TEXT });
    return errors;
  }

  function readForm() {
    var v = {};
    ['name', 'email', 'phone', 'position', 'company', 'topic', 'department', 'message'].forEach(function (k) {
      var el = ui.fields && ui.fields[k];
      if (el) v[k] = (el.value || '').trim();
    });
    return v;
  }

  function selectedDepartment() {
    var list = state.departments;
    if (!list || !list.length) return null;
    var chosen = state.form.values.department;
    var byId = list.filter(function (d) { return d.id === chosen; })[0];
    if (byId) return byId;
    var byCode = list.filter(function (d) { return d.code === config.department; })[0];
    return byCode || list.filter(function (d) { return d.is_default; })[0] || list[0];
  }

  function isOfflineDepartment() {
    var d = selectedDepartment();
    return !!d && d.agents_online === 0;
  }

  function loadDepartments() {
    if (state.departments && Date.now() - state.departmentsAt < 60000) return;
    state.departmentsAt = Date.now();
    api('GET', '/departments').then(
      function (body) {
        var list = (body && body.departments) || [];
        state.departments = list.length ? list : null;
        if (state.view === 'form') renderForm(true);
      },
      function () {
        // not available (yet): the form goes on without a choice; the server uses its default
        if (!state.departments) state.departments = null;
      }
    );
  }

  function submitForm(event) {
    if (event) event.preventDefault();
    if (state.form.busy) return;
    var values = readForm();
    state.form.values = values;
    var offline = isOfflineDepartment();
    var errors = validate(values, offline);
    state.form.errors = errors;
    state.form.general = null;
    state.form.retry = false;
    if (Object.keys(errors).length) {
      renderForm();
      focusFirstError();
      return;
    }
    state.form.busy = true;
    renderForm();
    var contact = {
      contact_name: values.name,
      contact_email: values.email,
      contact_phone: values.phone || null,
      position: values.position || null,
      company_name: values.company || null
    };
    startIfNeeded(values)
      .then(function (started) {
        return api('POST', '/contact', {
          token: started.token,
          body: Object.assign({ session_id: started.id }, contact)
        }).then(function () { return started; });
      })
      .then(function (started) {
        state.pending = null;
        store.remove('pending');
        store.set('contact', contact);
        store.set('current', started.id);
        rememberSession(started.id, { contact: contact });
        state.form = { values: {}, errors: {}, general: null, busy: false };
        state.notice = null;
        state.session = loadSession(started.id);
        state.session.contact = contact;
        state.view = 'chat';
        ui.pendingFocus = 'composer';
        render();
        if (values.message) sendText(values.message);
        realtime.start();
      })
      .catch(function (error) {
        state.form.busy = false;
        state.form.errors = {};
        if (error instanceof ApiError && error.status === 400 && Object.keys(error.fields).length) {
          var general = [];
          Object.keys(error.fields).forEach(function (field) {
            var key = FIELDS[field];
            var reason = fieldReason(error.fields[field]);
            if (key) state.form.errors[key] = reason || validate({}, false)[key] || t('errorsSummary');
            else general.push(field + ': ' + error.fields[field]);
          });
          state.form.general = general.length ? general.join(' ') : null;
        } else if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404 || error.status === 409) && state.pending && error.code !== 'invalid_identity') {
          // the started session is no longer ours to complete: start afresh on the next try
          forgetSession(state.pending.id);
          state.pending = null;
          store.remove('pending');
          state.form.general = t('sessionGone');
          state.form.retry = true;
        } else {
          state.form.general = error instanceof ApiError ? describe(error) : t('serverError');
          state.form.retry = true;
        }
        renderForm();
        focusFirstError();
      });
  }

  /** The session the form completes: the one started on an earlier try, or a new one. */
  function startIfNeeded(values) {
    if (state.pending) return Promise.resolve(state.pending);
    var body = {
      browser_uuid: browserUuid(),
      topic_code: values.topic,
      priority: 'normal',
      language: state.lang
    };
    var dept = selectedDepartment();
    if (dept) body.department_id = dept.id;
    if (state.identity) {
      body.oss_user_id = state.identity.oss_user_id;
      body.identity_hash = state.identity.identity_hash;
      if (state.identity.email) body.email = state.identity.email;
    }
    return api('POST', '/start', { body: body }).then(function (started) {
      var pending = { id: started.session_id, token: started.visitor_token };
      rememberSession(pending.id, {
        token: pending.token,
        topic: started.topic,
        topic_code: started.topic_code,
        status: started.status,
        department: started.department,
        started_at: started.started_at,
        queue: started.queue_position != null
          ? { position: started.queue_position, wait: started.expected_wait_seconds, online: started.agents_online }
          : null
      });
      state.pending = pending;
      store.set('pending', pending);
      return pending;
    });
  }

  // ---------------------------------------------------------------- rendering

  function mount() {
    if (ui.host) return;
    var host = document.createElement('oss-livechat');
    host.setAttribute('data-version', VERSION);
    var shadow = host.attachShadow({ mode: 'open' });
    ui.host = host;
    ui.shadow = shadow;
    var link = h('link', { rel: 'stylesheet', href: config.css });
    var root = h('div', { class: 'root', hidden: true });
    var reveal = function () { root.hidden = false; };
    link.addEventListener('load', reveal);
    link.addEventListener('error', reveal);
    setTimeout(reveal, 4000);
    ui.root = root;
    ui.live = h('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
    ui.launcher = h('button', { type: 'button', class: 'launcher', 'aria-controls': 'osslc-panel', onclick: function () { toggle(); } });
    ui.panel = h('section', {
      id: 'osslc-panel',
      class: 'panel',
      role: 'dialog',
      'aria-modal': 'false',
      'aria-labelledby': 'osslc-title',
      hidden: true,
      onkeydown: function (e) {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }
    });
    append(root, [ui.panel, ui.launcher, ui.live]);
    append(shadow, [link, root]);
    document.body.appendChild(host);
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') {
        realtime.reconnectNow();
        sendReadIfSeen();
      }
    });
    window.addEventListener('online', function () { realtime.reconnectNow(); });
    window.addEventListener('storage', onStorage);
    render();
  }

  /** Another tab started, ended or switched the conversation: follow it. */
  function onStorage(event) {
    if (!event.key || event.key.indexOf(store.prefix) !== 0) return;
    var key = event.key.slice(store.prefix.length);
    if (key === 'current') {
      var id = store.get('current');
      if (state.session && state.session.id === id) return;
      realtime.stop();
      state.session = null;
      if (id && adoptCurrent()) realtime.start();
      else if (state.view === 'chat') state.view = 'form';
      render();
    } else if (key === 'lang') {
      var lang = store.get('lang');
      if ((lang === 'en' || lang === 'id') && lang !== state.lang) {
        state.lang = lang;
        render();
      }
    }
  }

  function announce(text) {
    if (!ui.live) return;
    ui.live.textContent = '';
    setTimeout(function () { ui.live.textContent = text; }, 50);
  }

  function render() {
    if (!ui.root) return;
    ui.root.setAttribute('lang', state.lang);
    renderLauncher();
    if (!state.open) return;
    var active = ui.shadow.activeElement;
    var activeId = active && active.id;
    var activeAction = active && active.getAttribute('data-action');
    renderHeader();
    if (state.view === 'form') renderForm();
    else if (state.view === 'chat') renderChat();
    else if (state.view === 'history') renderHistory();
    else if (state.view === 'transcript') renderTranscript();
    if (ui.pendingFocus) {
      applyPendingFocus();
    } else if (activeId || activeAction) {
      // a re-render must not throw the keyboard user's focus away
      var again = activeId ? ui.shadow.getElementById(activeId) : ui.panel.querySelector('[data-action="' + activeAction + '"]');
      if (again && again !== ui.shadow.activeElement) again.focus();
    }
  }

  function renderLauncher() {
    if (!ui.launcher) return;
    var l = ui.launcher;
    l.textContent = '';
    l.setAttribute('aria-expanded', state.open ? 'true' : 'false');
    l.setAttribute('aria-label', state.open ? t('launcherClose') : t('launcherOpen') +
      (state.unread ? ' (' + t('unread', { n: state.unread }) + ')' : ''));
    l.classList.toggle('is-open', state.open);
    append(l, [icon(state.open ? 'close' : 'chat'), h('span', { class: 'launcher-label', text: t('launcher') })]);
    if (state.unread && !state.open) {
      append(l, h('span', { class: 'badge', 'aria-hidden': 'true', text: state.unread > 9 ? '9+' : String(state.unread) }));
    }
  }

  function renderHeader() {
    var panel = ui.panel;
    if (!ui.header) {
      ui.header = h('header', { class: 'header' });
      ui.body = h('div', { class: 'body' });
      ui.footer = h('div', { class: 'footer' });
      append(panel, [ui.header, ui.body, ui.footer]);
    }
    var s = state.session;
    var subtitle = t('subtitleIdle');
    if (s && state.view === 'chat') {
      if (s.status === 'waiting') subtitle = t('subtitleWaiting');
      else if (s.status === 'active' && s.agent) subtitle = t('subtitleActive', { name: s.agent.name });
      else if (s.status === 'closed') subtitle = t('subtitleClosed');
    }
    var header = ui.header;
    header.textContent = '';
    var inner = state.view === 'history' || state.view === 'transcript';
    append(header, [
      inner
        ? h('button', { type: 'button', class: 'icon-button', 'aria-label': state.view === 'transcript' ? t('historyTitle') : t('back'), title: state.view === 'transcript' ? t('historyTitle') : t('back'), onclick: goBack }, icon('back'))
        : h('span', { class: 'avatar', 'aria-hidden': 'true' }, 'OSS'),
      h('div', { class: 'titles' },
        h('h2', { id: 'osslc-title', class: 'title', text: state.view === 'history' ? t('historyTitle') : t('title') }),
        h('p', { class: 'subtitle', text: state.view === 'history' ? t('poweredBy') : subtitle })),
      h('div', { class: 'actions' },
        inner ? null : h('button', { type: 'button', class: 'icon-button', 'data-action': 'history', 'aria-label': t('history'), title: t('history'), onclick: function () { showHistory(); } }, icon('history')),
        h('button', { type: 'button', class: 'lang-button', 'data-action': 'language', lang: state.lang === 'id' ? 'en' : 'id', 'aria-label': t('langLabel'), title: t('langLabel'), onclick: function () { setLanguage(state.lang === 'id' ? 'en' : 'id'); }, text: t('langButton') }),
        h('button', { type: 'button', class: 'icon-button', 'data-action': 'close', 'aria-label': t('close'), title: t('close'), onclick: close }, icon('close')))
    ]);
  }

  function field(key, label, control, opts) {
    opts = opts || {};
    var error = state.form.errors[key];
    var errorId = 'osslc-err-' + key;
    var hintId = opts.hint ? 'osslc-hint-' + key : null;
    control.id = 'osslc-f-' + key;
    control.name = key;
    if (opts.required) control.setAttribute('aria-required', 'true');
    if (error) control.setAttribute('aria-invalid', 'true');
    var described = [hintId, error ? errorId : null].filter(Boolean).join(' ');
    if (described) control.setAttribute('aria-describedby', described);
    ui.fields[key] = control;
    return h('div', { class: 'field' + (error ? ' has-error' : ''), 'data-field': key },
      h('label', { for: control.id },
        label,
        opts.required ? h('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null,
        opts.optional ? h('span', { class: 'optional', text: ' (' + t('optional') + ')' }) : null),
      control,
      opts.hint ? h('p', { class: 'hint', id: hintId, text: opts.hint }) : null,
      error ? h('p', { class: 'field-error', id: errorId }, icon('alert'), h('span', { text: error })) : null);
  }

  function renderForm(keepValues) {
    if (!ui.body || state.view !== 'form') return;
    if (keepValues) state.form.values = Object.assign({}, state.form.values, readForm());
    var v = state.form.values;
    var saved = store.get('contact') || {};
    var identityEmail = state.identity && state.identity.email;
    function initial(key, fallback) { return v[key] !== undefined ? v[key] : fallback || ''; }
    var focusedId = ui.shadow.activeElement && ui.shadow.activeElement.id;
    ui.fields = {};
    var offline = isOfflineDepartment();
    var dept = selectedDepartment();
    var busy = state.form.busy;

    var topic = h('select', { required: true });
    append(topic, h('option', { value: '', text: t('topicChoose') }));
    var chosenTopic = initial('topic');
    TOPIC_CODES.forEach(function (code) {
      append(topic, h('option', { value: code, text: topicLabel(code), selected: code === chosenTopic }));
    });

    var department = null;
    if (state.departments && state.departments.length > 1) {
      department = h('select', { onchange: function () { renderForm(true); } });
      state.departments.forEach(function (d) {
        append(department, h('option', {
          value: d.id,
          selected: dept && dept.id === d.id,
          text: d.name + (d.agents_online === 0 ? ' ' + t('deptOffline') : '')
        }));
      });
    }

    var errorCount = Object.keys(state.form.errors).length;
    var form = h('form', { class: 'form', novalidate: true, 'aria-busy': busy ? 'true' : 'false', onsubmit: submitForm },
      h('h3', { class: 'view-title', tabindex: '-1', text: t('formTitle') }),
      state.notice ? h('p', { class: 'notice', text: state.notice }) : null,
      state.identity ? h('p', { class: 'identity', text: t('loggedInAs', { who: state.identity.email || state.identity.oss_user_id }) }) : null,
      h('p', { class: 'intro', text: t('formIntro') }),
      state.form.general
        ? h('div', { class: 'alert', role: 'alert' }, icon('alert'),
          h('div', null, h('p', { text: state.form.general }),
            state.form.retry ? h('button', { type: 'submit', class: 'link-button', text: t('retry') }) : null))
        : errorCount
          ? h('div', { class: 'alert', role: 'alert' }, icon('alert'), h('p', { text: t('errorsSummary') }))
          : null,
      offline ? h('div', { class: 'offline', role: 'note' }, h('strong', { text: t('offlineTitle') }), h('p', { text: t('offlineNotice', { dept: dept ? dept.name : '' }) })) : null,
      field('name', t('name'), h('input', { type: 'text', autocomplete: 'name', maxlength: '255', value: initial('name', saved.contact_name) }), { required: true }),
      field('email', t('email'), h('input', { type: 'email', autocomplete: 'email', inputmode: 'email', maxlength: '255', value: initial('email', saved.contact_email || identityEmail) }), { required: true }),
      field('phone', t('phone'), h('input', { type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: '50', value: initial('phone', saved.contact_phone) }), { optional: true, hint: t('phoneHint') }),
      h('div', { class: 'row' },
        field('company', t('company'), h('input', { type: 'text', autocomplete: 'organization', maxlength: '255', value: initial('company', saved.company_name) })),
        field('position', t('position'), h('input', { type: 'text', autocomplete: 'organization-title', maxlength: '255', value: initial('position', saved.position) }))),
      department ? field('department', t('department'), department) : null,
      field('topic', t('topic'), topic, { required: true }),
      field('message', t('message'), h('textarea', { rows: '3', maxlength: String(MAX_TEXT), value: initial('message') }), offline ? { required: true } : { optional: true }),
      h('button', { type: 'submit', class: 'primary', disabled: busy, 'aria-disabled': busy ? 'true' : null },
        busy ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
        busy ? t('busy') : offline ? t('leaveMessage') : t('startChat')));
    ui.body.textContent = '';
    ui.footer.textContent = '';
    ui.footer.hidden = true;
    append(ui.body, form);
    if (focusedId) {
      var again = ui.shadow.getElementById(focusedId);
      if (again) again.focus();
    }
  }

  function focusFirstError() {
    var order = ['name', 'email', 'phone', 'company', 'position', 'department', 'topic', 'message'];
    for (var i = 0; i < order.length; i++) {
      if (state.form.errors[order[i]] && ui.fields[order[i]]) {
        ui.fields[order[i]].focus();
        return;
      }
    }
    var alert = ui.body.querySelector('.alert');
    if (alert) {
      alert.setAttribute('tabindex', '-1');
      alert.focus();
    }
  }

  function renderChat() {
    var s = state.session;
    if (!s) {
      state.view = 'form';
      renderForm();
      return;
    }
    ui.body.textContent = '';
    ui.statusBox = h('div', { class: 'status-box' });
    ui.log = h('ol', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': t('title') });
    ui.typing = h('p', { class: 'typing', hidden: true });
    ui.messageViews = {};
    append(ui.body, [ui.statusBox, ui.log, ui.typing]);
    ui.log.setAttribute('aria-busy', 'true');
    s.messages.forEach(appendMessageView);
    ui.log.setAttribute('aria-busy', 'false');
    renderStatus();
    if (s.status === 'closed') append(ui.body, endedView(s));
    renderFooter();
    scrollToEnd();
    sendReadIfSeen();
  }

  function renderStatus() {
    var s = state.session;
    if (!ui.statusBox || !s || state.view !== 'chat') return;
    var box = ui.statusBox;
    box.textContent = '';
    box.className = 'status-box';
    if (s.status === 'waiting') {
      var q = s.queue;
      var nobody = q && (q.online === 0 || q.wait === null || q.wait === undefined);
      if (nobody) {
        box.classList.add('is-offline');
        var email = s.contact && s.contact.contact_email;
        // once the visitor has written, the chat is a left message: it waits, it is not dropped
        var wrote = s.messages.some(function (m) { return m.sender.type === 'visitor' && m.seq; });
        append(box, [
          h('strong', { text: t('offlineTitle') }),
          h('p', { text: t(wrote ? 'messageLeft' : 'nobodyOnline', { email: email || 'e-mail' }) }),
          q ? h('p', { class: 'queue-position', text: t('queuePosition', { n: q.position }) }) : null
        ]);
      } else {
        box.classList.add('is-waiting');
        append(box, [
          h('span', { class: 'pulse', 'aria-hidden': 'true' }),
          h('div', null,
            h('strong', { text: t('queueTitle') }),
            q ? h('p', { class: 'queue-position', text: t('queuePosition', { n: q.position }) }) : null,
            q ? h('p', { class: 'queue-wait', text: q.wait === 0 ? t('waitNow') : t('waitEstimate', { t: formatWait(q.wait) }) }) : null)
        ]);
      }
      if (q) box.setAttribute('data-queue-position', String(q.position));
    } else if (s.status === 'active') {
      box.classList.add('is-active');
      append(box, h('p', { text: t('connectedWith', { name: (s.agent && s.agent.name) || t('agent') }) }));
    } else {
      box.classList.add('is-closed');
      append(box, h('p', { text: s.closeReason === 'visitor_ended' ? t('endedByVisitor') : t('ended') }));
    }
    renderBanner();
  }

  function renderBanner() {
    if (!ui.banner || state.view !== 'chat') return;
    var s = state.session;
    var queuedCount = s ? s.messages.filter(function (m) { return m.state === 'queued'; }).length : 0;
    ui.banner.textContent = '';
    var show = s && s.status !== 'closed' && (state.conn === 'offline' || queuedCount > 0);
    ui.banner.hidden = !show;
    if (!show) return;
    append(ui.banner, [
      icon('alert'),
      h('span', { text: state.conn === 'offline' ? t('connLost') : t('queuedNotice') }),
      h('button', { type: 'button', class: 'link-button', 'data-action': 'reconnect', text: t('retry'), onclick: function () {
        realtime.attempt = 0;
        if (!realtime.ws) realtime.connect();
        realtime.schedulePoll(0);
      } })
    ]);
  }

  /**
   * The footer of a chat: the connection banner and, while it runs, the composer and "Akhiri chat".
   * The composer lives across re-renders of the same chat (a status frame, a language switch), so
   * a visitor who is typing keeps the focus, the caret and what the input method is composing.
   */
  function renderFooter() {
    var s = state.session;
    var running = !!s && s.status !== 'closed';
    ui.footer.hidden = false;
    var kept = running && ui.composerForm && ui.composerOf === s.id && ui.composerForm.parentNode === ui.footer;
    if (kept) {
      labelComposer();
    } else {
      ui.footer.textContent = '';
      ui.banner = h('div', { class: 'banner', role: 'status', hidden: true });
      append(ui.footer, ui.banner);
      ui.composer = null;
      ui.composerForm = null;
      ui.composerOf = null;
      if (running) {
        ui.composerForm = composerForm(s);
        ui.composerOf = s.id;
        ui.endBox = h('div', { class: 'end-chat' });
        append(ui.footer, [ui.composerForm, ui.endBox]);
      }
    }
    if (running) renderEndChat(s);
    renderBanner();
  }

  function composerForm(s) {
    var counter = h('span', { class: 'counter', 'aria-live': 'polite' });
    var textarea = h('textarea', {
      id: 'osslc-composer',
      class: 'composer-input',
      rows: '1',
      maxlength: String(MAX_TEXT),
      value: ui.draft || ''
    });
    var typingSent = 0;
    var typingStop = null;
    function stopTyping() {
      clearTimeout(typingStop);
      if (typingSent) {
        realtime.send({ type: 'typing', session_id: s.id, typing: false });
        typingSent = 0;
      }
    }
    function grow() {
      textarea.style.height = 'auto';
      textarea.style.height = Math.min(textarea.scrollHeight, 120) + 'px';
      textarea.style.overflowY = textarea.scrollHeight > 120 ? 'auto' : 'hidden';
      var left = MAX_TEXT - textarea.value.length;
      counter.textContent = left < 200 ? t('tooLong', { n: left }) : '';
    }
    textarea.addEventListener('input', function () {
      ui.draft = textarea.value;
      grow();
      if (Date.now() - typingSent > 3000 && textarea.value) {
        if (realtime.send({ type: 'typing', session_id: s.id, typing: true })) typingSent = Date.now();
      }
      clearTimeout(typingStop);
      typingStop = setTimeout(stopTyping, 4000);
    });
    function submit(e) {
      if (e) e.preventDefault();
      var text = textarea.value.trim();
      if (!text) return;
      stopTyping();
      textarea.value = '';
      ui.draft = '';
      grow();
      sendText(text.slice(0, MAX_TEXT));
      textarea.focus();
    }
    textarea.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e);
    });
    ui.composer = textarea;
    ui.sendButton = h('button', { type: 'submit', class: 'send' }, icon('send'));
    var form = h('form', { class: 'composer', onsubmit: submit }, textarea, ui.sendButton, counter);
    labelComposer();
    return form;
  }

  /** The composer's texts in the current language. */
  function labelComposer() {
    ui.composer.setAttribute('placeholder', t('composer'));
    ui.composer.setAttribute('aria-label', t('composerLabel'));
    ui.sendButton.setAttribute('aria-label', t('send'));
    ui.sendButton.setAttribute('title', t('send'));
  }

  /** "Akhiri chat", and once pressed the question whether to, with what it means. */
  function renderEndChat(s) {
    var box = ui.endBox;
    var local = s.endingUi || (s.endingUi = { confirming: false, busy: false, error: null });
    box.textContent = '';
    function ask() {
      local.confirming = true;
      local.error = null;
      renderEndChat(s);
      focusAction('end-cancel');
    }
    function cancel() {
      if (local.busy) return;
      local.confirming = false;
      local.error = null;
      renderEndChat(s);
      focusAction('end-chat');
    }
    if (!local.confirming) {
      append(box, h('button', { type: 'button', class: 'link-button end-link', 'data-action': 'end-chat', text: t('endChat'), onclick: ask }));
      return;
    }
    append(box, h('div', {
      class: 'end-confirm',
      role: 'group',
      'aria-labelledby': 'osslc-end-question',
      'aria-describedby': 'osslc-end-explain',
      onkeydown: function (e) {
        if (e.key === 'Escape') {
          e.stopPropagation(); // Escape here takes the question back, it does not close the panel
          cancel();
        }
      }
    },
    h('p', { id: 'osslc-end-question', class: 'end-question', text: t('endQuestion') }),
    h('p', { id: 'osslc-end-explain', class: 'end-explain', text: t(s.status === 'waiting' ? 'endExplainWaiting' : 'endExplainActive') }),
    local.error ? h('p', { class: 'field-error', role: 'alert' }, icon('alert'), h('span', { text: local.error })) : null,
    h('div', { class: 'end-actions' },
      h('button', { type: 'button', class: 'danger', 'data-action': 'end-confirm', disabled: local.busy, 'aria-disabled': local.busy ? 'true' : null,
        text: local.busy ? t('busy') : t('endConfirm'), onclick: function () { endChat(s); } }),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'end-cancel', disabled: local.busy, text: t('endCancel'), onclick: cancel }))));
  }

  function focusAction(action) {
    var target = ui.panel.querySelector('[data-action="' + action + '"]');
    if (target) target.focus();
  }

  /** POST /session/:id/close: the visitor ends the chat or leaves the queue. */
  function endChat(s) {
    var local = s.endingUi;
    if (local.busy) return;
    local.busy = true;
    local.error = null;
    renderEndChat(s);
    api('POST', '/session/' + encodeURIComponent(s.id) + '/close', { token: s.token }).then(
      function (view) {
        if (state.session !== s) return;
        ui.pendingFocus = 'ended';
        applySessionView(view);
      },
      function (error) {
        if (error.status !== 409) throw error;
        // ended meanwhile (by the agent, or in another tab): show it as it now is
        ui.pendingFocus = 'ended';
        return refreshSession();
      }
    ).then(
      function () {
        local.busy = false;
        local.confirming = false;
      },
      function (error) {
        local.busy = false;
        local.error = describe(error);
        if (state.session === s && state.view === 'chat' && s.status !== 'closed') {
          renderEndChat(s);
          focusAction('end-confirm');
        }
      }
    );
  }

  function messageStateMark(m) {
    var s = state.session;
    if (m.sender.type !== 'visitor') return null;
    var st = m.state;
    if (m.seq && s && m.seq <= s.agentReadSeq) st = 'read';
    else if (m.seq) st = 'sent';
    var label = { pending: t('markPending'), queued: t('markQueued'), sent: t('markSent'), read: t('markRead'), failed: t('markFailed') }[st];
    var mark = h('span', { class: 'mark mark-' + st, 'data-state': st, title: label });
    if (st === 'sent') append(mark, h('span', { 'aria-hidden': 'true', text: '✓' }));
    else if (st === 'read') append(mark, h('span', { 'aria-hidden': 'true', text: '✓✓' }));
    else if (st === 'failed') append(mark, icon('alert'));
    else append(mark, icon('clock'));
    append(mark, h('span', { class: 'sr-only', text: label }));
    return mark;
  }

  function messageView(m, readOnly) {
    var type = m.sender && m.sender.type ? m.sender.type : 'system';
    var li = h('li', { class: 'msg msg-' + type, 'data-seq': m.seq ? String(m.seq) : null });
    if (type === 'system') {
      append(li, h('p', { class: 'text', text: m.text }));
      return li;
    }
    var who = type === 'visitor' ? t('you') : (m.sender.name || t('agent'));
    var bubble = h('div', { class: 'bubble' });
    // text nodes and links only: a message is text, whatever characters it holds
    var text = h('p', { class: 'text' });
    appendMessageText(text, m.text);
    append(bubble, [h('span', { class: 'sr-only', text: who + ': ' }), text]);
    var meta = h('p', { class: 'meta' },
      type === 'agent' ? h('span', { class: 'who', text: who }) : null,
      h('time', { datetime: m.sent_at || '', text: formatTime(m.sent_at) }),
      readOnly ? null : messageStateMark(m));
    append(li, [bubble, meta]);
    if (!readOnly && m.state === 'failed' && !m.seq) {
      append(li, h('p', { class: 'failed' },
        m.error ? h('span', { text: m.error + ' ' }) : null,
        h('button', { type: 'button', class: 'link-button', text: t('resend'), onclick: function () { deliver(m); } })));
    }
    return li;
  }

  function appendMessageView(m) {
    if (!ui.log || state.view !== 'chat') return;
    var li = messageView(m, false);
    var key = m.client_msg_id || 'seq' + m.seq;
    ui.messageViews[key] = li;
    // keep seq order: a message that arrives late is placed before newer ones
    var next = null;
    if (m.seq) {
      var items = ui.log.children;
      for (var i = 0; i < items.length; i++) {
        var seq = Number(items[i].getAttribute('data-seq'));
        if (!seq || seq > m.seq) { next = items[i]; break; }
      }
    }
    ui.log.insertBefore(li, next);
    scrollToEnd();
  }

  function updateMessageView(m) {
    if (!ui.log || state.view !== 'chat') return;
    var key = m.client_msg_id || 'seq' + m.seq;
    var old = ui.messageViews[key];
    if (!old) return;
    var li = messageView(m, false);
    ui.messageViews[key] = li;
    ui.log.replaceChild(li, old);
  }

  function removeMessageView(m) {
    var key = m.client_msg_id || 'seq' + m.seq;
    var old = ui.messageViews && ui.messageViews[key];
    if (old && old.parentNode) old.parentNode.removeChild(old);
  }

  function scrollToEnd() {
    if (ui.body) ui.body.scrollTop = ui.body.scrollHeight;
  }

  var typingTimer = null;
  function showTyping(name) {
    if (!ui.typing) return;
    ui.typing.textContent = '';
    append(ui.typing, [h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')),
      h('span', { text: t('typing', { name: name || t('agent') }) })]);
    ui.typing.hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, 8000);
    scrollToEnd();
  }

  function hideTyping() {
    clearTimeout(typingTimer);
    if (ui.typing) ui.typing.hidden = true;
  }

  function endedView(s) {
    var box = h('div', { class: 'ended' });
    append(box, h('h3', { class: 'view-title', tabindex: '-1', 'data-focus': 'ended', text: t('ended') }));
    append(box, ratingForm(s));
    append(box, transcriptForm(s));
    append(box, h('button', { type: 'button', class: 'primary', 'data-action': 'new-chat', text: t('newChat'), onclick: newChat }));
    return box;
  }

  function ratingForm(s) {
    if (s.rated) return h('p', { class: 'done', role: 'status', text: t('ratingThanks') });
    var local = s.ratingUi || (s.ratingUi = { value: 0, error: null, busy: false });
    var stars = h('div', { class: 'stars' });
    var form = h('form', { class: 'rating', novalidate: true });
    for (var n = 1; n <= 5; n++) {
      (function (n) {
        var id = 'osslc-star-' + n;
        var input = h('input', { type: 'radio', name: 'rating', id: id, value: String(n), class: 'sr-only', checked: local.value === n });
        input.addEventListener('change', function () {
          local.value = n;
          local.error = null;
          Array.prototype.forEach.call(stars.querySelectorAll('label'), function (label, i) {
            label.classList.toggle('on', i < n);
          });
        });
        append(stars, [input, h('label', { for: id, class: n <= local.value ? 'on' : '', title: t('star', { n: n }) },
          h('span', { 'aria-hidden': 'true', text: '★' }), h('span', { class: 'sr-only', text: t('star', { n: n }) }))]);
      })(n);
    }
    var comment = h('textarea', { id: 'osslc-rating-comment', rows: '2', maxlength: '1000' });
    comment.value = local.comment || '';
    comment.addEventListener('input', function () { local.comment = comment.value; });
    append(form, [
      h('fieldset', { class: 'stars-set' }, h('legend', { text: t('rateTitle') }), stars),
      h('label', { for: 'osslc-rating-comment', class: 'small-label' }, t('comment'), h('span', { class: 'optional', text: ' (' + t('optional') + ')' })),
      comment,
      local.error ? h('p', { class: 'field-error', role: 'alert' }, icon('alert'), h('span', { text: local.error })) : null,
      h('button', { type: 'submit', class: 'secondary', disabled: local.busy, text: local.busy ? t('busy') : t('sendRating') })
    ]);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (local.busy) return;
      if (!local.value) {
        local.error = t('ratingRequired');
        renderChat();
        var first = ui.shadow.getElementById('osslc-star-1');
        if (first) first.focus();
        return;
      }
      local.busy = true;
      local.error = null;
      renderChat();
      api('POST', '/session/' + encodeURIComponent(s.id) + '/rating', {
        token: s.token,
        body: { rating: local.value, comment: (local.comment || '').trim() || null }
      }).then(
        function () { s.rated = true; },
        function (error) {
          if (error.status === 409) s.rated = true; // rated before, in another tab
          else local.error = error.status === 404 || error.status === 405 ? t('ratingUnavailable')
            : error.status === 400 && error.fields.rating ? t('ratingRequired') : describe(error);
        }
      ).then(function () {
        local.busy = false;
        saveSession();
        if (state.session === s && state.view === 'chat') {
          renderChat();
          var done = ui.body.querySelector('.rating button, .done');
          if (done) { done.setAttribute('tabindex', '-1'); done.focus(); }
        }
      });
    });
    return form;
  }

  function transcriptForm(s) {
    if (s.transcriptTo) {
      return h('p', { class: 'done', role: 'status', text: t(s.transcriptAlready ? 'transcriptAlready' : 'transcriptSent', { email: s.transcriptTo }) });
    }
    var local = s.transcriptUi || (s.transcriptUi = { email: (s.contact && s.contact.contact_email) || '', error: null, busy: false });
    var input = h('input', { type: 'email', id: 'osslc-transcript-email', autocomplete: 'email', maxlength: '255', value: local.email,
      'aria-invalid': local.error ? 'true' : null, 'aria-describedby': local.error ? 'osslc-transcript-error' : null });
    input.addEventListener('input', function () { local.email = input.value; });
    var form = h('form', { class: 'transcript', novalidate: true },
      h('label', { for: 'osslc-transcript-email', class: 'small-label', text: t('transcriptTitle') }),
      input,
      local.error ? h('p', { class: 'field-error', id: 'osslc-transcript-error', role: 'alert' }, icon('alert'), h('span', { text: local.error })) : null,
      h('button', { type: 'submit', class: 'secondary', disabled: local.busy, text: local.busy ? t('busy') : t('sendTranscript') }));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (local.busy) return;
      var email = (local.email || '').trim();
      if (email && !EMAIL.test(email)) {
        local.error = t('errEmailInvalid');
        renderChat();
        var again = ui.shadow.getElementById('osslc-transcript-email');
        if (again) again.focus();
        return;
      }
      local.busy = true;
      local.error = null;
      renderChat();
      api('POST', '/session/' + encodeURIComponent(s.id) + '/transcript', {
        token: s.token,
        body: email ? { email: email } : {}
      }).then(
        function (answer) {
          s.transcriptTo = (answer && answer.email) || email || (s.contact && s.contact.contact_email) || 'e-mail';
          // the transcript mailed when the chat closed: one per address, not a second copy
          s.transcriptAlready = !!(answer && answer.already_sent);
        },
        function (error) {
          local.error = error.status === 404 || error.status === 405 ? t('transcriptUnavailable')
            : error.status === 400 && error.fields.email ? t(EMAIL.test(email) ? 'transcriptAddress' : 'errEmailInvalid') : describe(error);
        }
      ).then(function () {
        local.busy = false;
        saveSession();
        if (state.session === s && state.view === 'chat') renderChat();
      });
    });
    return form;
  }

  function newChat() {
    realtime.stop();
    store.remove('current');
    state.session = null;
    state.notice = null;
    state.view = 'form';
    state.form = { values: {}, errors: {}, general: null, busy: false };
    ui.pendingFocus = 'first-field';
    render();
    loadDepartments();
  }

  // ---------------------------------------------------------------- history

  function showHistory() {
    state.history = { items: [], cursor: null, hasMore: false, loading: true, error: null };
    state.view = 'history';
    ui.pendingFocus = 'title';
    render();
    loadHistoryPage();
  }

  function historyQuery() {
    var q = { limit: 10 };
    if (state.identity && state.identity.identity_hash) {
      q.oss_user_id = state.identity.oss_user_id;
      q.identity_hash = state.identity.identity_hash;
    } else {
      q.browser_uuid = browserUuid();
    }
    return q;
  }

  function loadHistoryPage() {
    var hist = state.history;
    var q = historyQuery();
    if (hist.cursor) q.cursor = hist.cursor;
    hist.loading = true;
    hist.error = null;
    api('GET', '/history', { query: q }).then(
      function (page) {
        hist.items = hist.items.concat((page && page.sessions) || []);
        hist.cursor = page && page.next_cursor;
        hist.hasMore = !!(page && page.has_more);
      },
      function (error) { hist.error = describe(error); }
    ).then(function () {
      hist.loading = false;
      if (state.history === hist && state.view === 'history') render();
    });
  }

  function renderHistory() {
    var hist = state.history;
    ui.body.textContent = '';
    ui.footer.textContent = '';
    ui.footer.hidden = true;
    var box = h('div', { class: 'history' });
    append(box, h('h3', { class: 'sr-only', text: t('historyTitle') }));
    if (hist.error) {
      append(box, h('div', { class: 'alert', role: 'alert' }, icon('alert'),
        h('div', null, h('p', { text: t('historyError') + ' ' + hist.error }),
          h('button', { type: 'button', class: 'link-button', text: t('retry'), onclick: loadHistoryPage }))));
    }
    if (!hist.loading && !hist.error && !hist.items.length) append(box, h('p', { class: 'empty', text: t('historyEmpty') }));
    var list = h('ul', { class: 'history-list' });
    var known = knownSessions();
    hist.items.forEach(function (item) {
      var last = item.last_message;
      var current = state.session && state.session.id === item.session_id;
      append(list, h('li', null, h('button', {
        type: 'button',
        class: 'history-item',
        'data-session': item.session_id,
        onclick: function () { openHistoryItem(item); }
      },
      h('span', { class: 'history-top' },
        h('span', { class: 'history-topic', text: topicLabel(item.topic_code, item.topic) }),
        h('span', { class: 'pill pill-' + item.status, text: t('status_' + item.status) })),
      h('span', { class: 'history-meta', text: [formatDate(item.started_at), item.department && item.department.name, current ? t('currentChat') : null].filter(Boolean).join(' · ') }),
      last ? h('span', { class: 'history-last', text: (last.sender_type === 'visitor' ? t('you') : last.sender_name || t('agent')) + ': ' + last.text }) : null,
      known[item.session_id] ? null : h('span', { class: 'sr-only', text: t('onlyOnDevice') }))));
    });
    append(box, list);
    if (hist.loading) append(box, h('p', { class: 'loading', role: 'status', text: t('loading') }));
    if (hist.hasMore && !hist.loading) append(box, h('button', { type: 'button', class: 'secondary', text: t('loadMore'), onclick: loadHistoryPage }));
    append(ui.body, box);
  }

  function openHistoryItem(item) {
    if (state.session && state.session.id === item.session_id) {
      state.view = 'chat';
      ui.pendingFocus = 'composer';
      render();
      return;
    }
    var known = knownSessions()[item.session_id];
    state.transcript = { item: item, token: known && known.token, messages: cachedMessages(item.session_id), loading: !!(known && known.token), error: null };
    state.view = 'transcript';
    ui.pendingFocus = 'title';
    render();
    if (known && known.token) loadTranscript(state.transcript, 0);
  }

  function loadTranscript(tr, afterSeq) {
    var id = tr.item.session_id;
    api('GET', '/session/' + encodeURIComponent(id) + '/messages', { token: tr.token, query: { after_seq: afterSeq } }).then(
      function (page) {
        (page.messages || []).forEach(function (m) {
          if (!findMessage(tr.messages, m.seq, null)) insertInOrder(tr.messages, Object.assign({ state: 'sent' }, m));
        });
        if (page.has_more && page.messages.length) return loadTranscript(tr, page.last_seq);
        tr.loading = false;
      },
      function (error) {
        tr.loading = false;
        tr.error = error.status === 404 || error.status === 405 ? t('messagesUnavailable') : describe(error);
      }
    ).then(function () {
      if (state.transcript === tr && state.view === 'transcript') render();
    });
  }

  function renderTranscript() {
    var tr = state.transcript;
    var item = tr.item;
    ui.body.textContent = '';
    ui.footer.textContent = '';
    ui.footer.hidden = true;
    var topic = topicLabel(item.topic_code, item.topic);
    var box = h('div', { class: 'transcript-view' },
      h('h3', { class: 'view-title', tabindex: '-1', text: topic }),
      h('p', { class: 'history-meta' },
        h('span', { class: 'pill pill-' + item.status, text: t('status_' + item.status) }),
        ' ' + [formatDate(item.started_at), item.agent && item.agent.name].filter(Boolean).join(' · ')));
    var stored = tr.messages.filter(function (m) { return m.seq; });
    if (stored.length) {
      var log = h('ol', { class: 'log read-only', 'aria-label': topic });
      stored.forEach(function (m) { append(log, messageView(m, true)); });
      append(box, log);
    } else if (tr.loading) {
      append(box, h('p', { class: 'loading', role: 'status', text: t('loading') }));
    }
    if (!tr.token) {
      append(box, h('p', { class: 'notice', text: t('onlyOnDevice') }));
    } else if (tr.error) {
      append(box, h('div', { class: 'alert', role: 'alert' }, icon('alert'),
        h('div', null, h('p', { text: tr.error }), h('button', { type: 'button', class: 'link-button', text: t('retry'), onclick: function () {
          tr.loading = true; tr.error = null; render(); loadTranscript(tr, 0);
        } }))));
    } else if (!tr.loading && !stored.length) {
      append(box, h('p', { class: 'empty', text: t('noMessages') }));
    }
    if (!stored.length && item.last_message) {
      var last = item.last_message;
      append(box, h('div', { class: 'last-message' }, h('strong', { text: t('lastMessage') }),
        h('p', { text: (last.sender_type === 'visitor' ? t('you') : last.sender_name || t('agent')) + ': ' + last.text })));
    }
    if (tr.token && item.status !== 'closed') {
      append(box, h('button', { type: 'button', class: 'primary', text: t('continueChat'), onclick: function () {
        realtime.stop();
        store.set('current', item.session_id);
        adoptCurrent();
        ui.pendingFocus = 'composer';
        render();
        realtime.start();
      } }));
    }
    append(ui.body, box);
  }

  function goBack() {
    if (state.view === 'transcript') {
      state.view = 'history';
      ui.pendingFocus = 'title';
      render();
      return;
    }
    state.view = state.session ? 'chat' : 'form';
    ui.pendingFocus = state.session ? 'composer' : 'first-field';
    render();
  }

  function applyPendingFocus() {
    var want = ui.pendingFocus;
    if (!want || !state.open) return;
    ui.pendingFocus = null;
    var target = null;
    if (want === 'composer') target = ui.composer || ui.body.querySelector('.view-title');
    else if (want === 'ended') target = ui.body.querySelector('[data-focus="ended"]');
    else if (want === 'first-field') target = ui.body.querySelector('input, select, textarea');
    else if (want === 'title') target = ui.body.querySelector('.view-title') || ui.shadow.getElementById('osslc-title');
    if (target) {
      if (!target.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: false });
    }
  }

  // ---------------------------------------------------------------- the public API

  function open() {
    if (!ui.host) { pendingCalls.push(['open']); return; }
    if (state.open) return;
    state.open = true;
    store.setTab('open', true);
    ui.panel.hidden = false;
    ui.root.classList.add('is-open');
    if (!state.session && state.view === 'chat') state.view = 'form';
    ui.pendingFocus = state.view === 'chat' ? 'composer' : state.view === 'form' ? 'first-field' : 'title';
    render();
    if (state.view === 'form') loadDepartments();
    sendReadIfSeen();
  }

  function close() {
    if (!ui.host || !state.open) return;
    state.open = false;
    store.setTab('open', false);
    var hadFocus = ui.shadow.activeElement != null;
    ui.panel.hidden = true;
    ui.root.classList.remove('is-open');
    render();
    if (hadFocus) ui.launcher.focus();
  }

  function toggle() {
    if (state.open) close();
    else open();
  }

  function setLanguage(lang) {
    if (lang !== 'id' && lang !== 'en') return;
    // the chosen topic is a code: it keeps its place and is named in the new language
    if (state.view === 'form' && ui.fields) state.form.values = Object.assign({}, state.form.values, readForm());
    state.lang = lang;
    store.set('lang', lang);
    // field errors were written in the old language: say them again in the new one
    if (state.view === 'form' && Object.keys(state.form.errors).length && !state.form.general) {
      state.form.errors = validate(state.form.values, isOfflineDepartment());
    }
    render();
  }

  /**
   * The portal tells the widget who is logged in. identity_hash must come from the portal's
   * backend: hex(HMAC-SHA256(OSS_IDENTITY_SECRET, oss_user_id)).
   */
  function identify(identity) {
    if (!identity || !identity.oss_user_id || !identity.identity_hash) return Promise.resolve(null);
    state.identity = {
      oss_user_id: String(identity.oss_user_id),
      email: identity.email ? String(identity.email) : null,
      identity_hash: String(identity.identity_hash)
    };
    render();
    if (store.get('linked') === state.identity.oss_user_id) return Promise.resolve(null);
    // move this browser's anonymous chats to the account (the portal may have done it already:
    // linking again moves nothing)
    return api('POST', '/link-user', {
      body: {
        browser_uuid: browserUuid(),
        oss_user_id: state.identity.oss_user_id,
        email: state.identity.email,
        identity_hash: state.identity.identity_hash
      }
    }).then(function (linked) {
      store.set('linked', state.identity && state.identity.oss_user_id);
      return linked;
    }, function () { return null; });
  }

  /** The portal's logout: forget the account and this browser's chats (a shared computer). */
  function logout() {
    realtime.stop();
    store.clearAll();
    state.identity = null;
    state.session = null;
    state.pending = null;
    state.history = null;
    state.view = 'form';
    state.form = { values: {}, errors: {}, general: null, busy: false };
    state.unread = 0;
    render();
  }

  var pendingCalls = [];
  var api_ = {
    version: VERSION,
    open: open,
    close: close,
    toggle: toggle,
    identify: identify,
    logout: logout,
    setLanguage: setLanguage,
    getBrowserId: browserUuid
  };
  window.OSSLiveChat = api_;

  function start() {
    state.pending = store.get('pending');
    if (state.pending && !knownSessions()[state.pending.id]) state.pending = null;
    mount();
    if (adoptCurrent()) {
      realtime.start();
    }
    if (store.getTab('open')) open();
    // calls queued before the script loaded: window.OSSLiveChat = [['identify', {...}], ['open']]
    var calls = (Array.isArray(queued) ? queued : []).concat(pendingCalls);
    pendingCalls = [];
    calls.forEach(function (call) {
      if (Array.isArray(call) && typeof api_[call[0]] === 'function') api_[call[0]].apply(null, call.slice(1));
    });
    try {
      window.dispatchEvent(new CustomEvent('osslivechat:ready'));
    } catch (e) { /* old browsers */ }
  }

  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})(window, document);
