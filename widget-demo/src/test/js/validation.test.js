import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translate } from '../../main/js/texts.js';
import { MAX_TEXT, describeError, fieldReason, hasControlCharacters, isEmail, validateContact } from '../../main/js/validation.js';

const id = (key, vars) => translate('id', key, vars);
const en = (key, vars) => translate('en', key, vars);
const good = { name: 'Budi Santoso', email: 'budi@example.co.id', phone: '+62 812-3456-7890', company: 'PT Maju', position: 'Direktur', topic: 'nib', message: '' };

describe('validateContact', () => {
  test('a complete form has no errors', () => {
    assert.deepEqual(validateContact(good, false, id), {});
    assert.deepEqual(validateContact({ name: 'A', email: 'a@b.id', topic: 'akun' }, false, id), {});
  });

  test('name, e-mail and topic are required, each with its own sentence', () => {
    assert.deepEqual(validateContact({}, false, id), {
      name: 'Nama wajib diisi.',
      email: 'E-mail wajib diisi.',
      topic: 'Pilih topik pertanyaan Anda.'
    });
    assert.equal(validateContact({}, false, en).name, 'Enter your name.');
  });

  test("the e-mail follows the server's rule", () => {
    for (const email of ['budi', 'budi@', 'budi@example', 'bu di@example.id', 'a@b@c.id', 'x'.repeat(65) + '@a.id', 'a@' + 'b'.repeat(251) + '.id']) {
      assert.equal(validateContact({ ...good, email }, false, en).email, en('errEmailInvalid'), email);
    }
    assert.equal(isEmail('budi.s+oss@mail.example.co.id'), true);
  });

  test('a phone number has 7 to 15 digits and only the signs people type', () => {
    for (const phone of ['123456', '1234567890123456', '0812 3456 789x', '++62 812 3456']) {
      assert.equal(validateContact({ ...good, phone }, false, id).phone, id('errPhoneInvalid'), phone);
    }
    for (const phone of ['1234567', '(021) 555-0123', '+62.812.3456.7890']) {
      assert.equal(validateContact({ ...good, phone }, false, id).phone, undefined, phone);
    }
  });

  test('control characters are refused in every text field, as the server does', () => {
    for (const key of ['name', 'email', 'phone', 'company', 'position', 'message']) {
      const errors = validateContact({ ...good, [key]: 'ab\u0007cd' }, false, en);
      assert.deepEqual(errors, { [key]: 'Must not contain control characters.' }, key);
    }
    assert.equal(validateContact({ ...good, company: 'PT\u0000Maju' }, false, id).company, id('errControl'));
  });

  test('tabs and line breaks are text, not control characters; C1 controls and DEL are', () => {
    assert.equal(hasControlCharacters('baris satu\nbaris\tdua'), false);
    assert.equal(hasControlCharacters('Rp 1.000 — “OSS” é'), false);
    assert.equal(hasControlCharacters('a\rb'), true);
    assert.equal(hasControlCharacters('a\u007fb'), true);
    assert.equal(hasControlCharacters('a\u0085b'), true);
    assert.equal(hasControlCharacters('a\u00a0b'), false);
    assert.deepEqual(validateContact({ ...good, message: 'Halo,\nsaya bertanya' }, false, id), {});
  });

  test('with nobody online the message is required, and never longer than the server takes', () => {
    assert.equal(validateContact(good, true, id).message, 'Tulis pesan Anda.');
    assert.deepEqual(validateContact({ ...good, message: 'x'.repeat(MAX_TEXT) }, true, id), {});
    assert.equal(validateContact({ ...good, message: 'x'.repeat(MAX_TEXT + 1) }, false, en).message, 'At most 4000 characters.');
  });
});

describe("the server's reasons", () => {
  test("are said in the visitor's language", () => {
    assert.equal(fieldReason('must be at most 255 characters', id), 'Maksimal 255 karakter.');
    assert.equal(fieldReason('must be a valid e-mail address', id), id('errEmailInvalid'));
    assert.equal(fieldReason('must be a phone number of 7 to 15 digits, e.g. +6281234567890', en), en('errPhoneInvalid'));
    assert.equal(fieldReason('must not contain control characters', id), 'Tidak boleh berisi karakter kontrol.');
    assert.equal(fieldReason('must be an open department', en), en('errDepartment'));
  });

  test('"is required" leaves the field its own sentence; an unknown reason is shown as a sentence', () => {
    assert.equal(fieldReason('is required', id), null);
    assert.equal(fieldReason('must be one of the listed topics', en), 'Must be one of the listed topics.');
    assert.equal(fieldReason('Too late!', en), 'Too late!');
  });

  test('a failed call is described without the server\'s English to Indonesian readers', () => {
    assert.equal(describeError({ status: 0 }, 'id', id), id('netError'));
    assert.equal(describeError({ status: 429 }, 'en', en), en('rateLimited'));
    assert.equal(describeError({ status: 503, code: 'queue_full', serverMessage: 'full' }, 'id', id), id('queueFull'));
    assert.equal(describeError({ status: 503, code: 'queue_full', serverMessage: 'full' }, 'en', en), en('queueFull'));
    assert.equal(describeError({ status: 403, code: 'invalid_identity' }, 'id', id), id('identityError'));
    assert.equal(describeError({ status: 503, serverMessage: 'down' }, 'en', en), en('serverError'));
    assert.equal(describeError({ status: 409, serverMessage: 'The chat is closed' }, 'en', en), 'The chat is closed');
    assert.equal(describeError({ status: 409, serverMessage: 'The chat is closed' }, 'id', id), id('serverError'));
  });
});
