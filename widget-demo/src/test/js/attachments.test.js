import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ACCEPT,
  MAX_BYTES,
  attachmentOf,
  checkFile,
  formatSize,
  isImage,
  progressPercent,
  uploadErrorKey
} from '../../main/js/attachments.js';
import { messageFromFrame } from '../../main/js/messages.js';

test('the chooser offers what the server accepts, and nothing else', () => {
  assert.equal(ACCEPT, 'application/pdf,image/png,image/jpeg,image/webp');
});

test('a file the server would certainly refuse is not uploaded', () => {
  assert.equal(checkFile({ name: 'izin.pdf', size: 1200, type: 'application/pdf' }), null);
  assert.equal(checkFile({ name: 'foto.webp', size: MAX_BYTES, type: 'image/webp' }), null);
  assert.equal(checkFile({ name: 'besar.png', size: MAX_BYTES + 1, type: 'image/png' }), 'fileTooLarge');
  assert.equal(checkFile({ name: 'logo.svg', size: 300, type: 'image/svg+xml' }), 'fileType');
  assert.equal(checkFile({ name: 'setup.exe', size: 300, type: 'application/x-msdownload' }), 'fileType');
  assert.equal(checkFile({ name: 'kosong.pdf', size: 0, type: 'application/pdf' }), 'fileEmpty');
  // a type the browser does not know is for the server to judge from the bytes
  assert.equal(checkFile({ name: 'scan', size: 300, type: '' }), null);
  assert.equal(checkFile({ name: 'a.png', size: 2000, type: 'image/png' }, 1000), 'fileTooLarge');
});

test('pictures are shown, PDFs are not', () => {
  assert.ok(isImage('image/png') && isImage('image/jpeg') && isImage('image/webp'));
  assert.ok(!isImage('application/pdf'));
  assert.ok(!isImage('image/svg+xml'));
});

test('sizes read as people say them, in the visitor language', () => {
  assert.equal(formatSize(850, 'id'), '850 B');
  assert.equal(formatSize(12 * 1024, 'id'), '12 KB');
  assert.equal(formatSize(1.4 * 1024 * 1024, 'id'), '1,4 MB');
  assert.equal(formatSize(1.4 * 1024 * 1024, 'en'), '1.4 MB');
  assert.equal(formatSize(undefined, 'en'), '0 B');
});

test('progress is a whole percentage between 0 and 100', () => {
  assert.equal(progressPercent(0, 100), 0);
  assert.equal(progressPercent(512, 1024), 50);
  assert.equal(progressPercent(1023, 1024), 99);
  assert.equal(progressPercent(2048, 1024), 100);
  assert.equal(progressPercent(10, 0), 0);
});

test('a refusal says why', () => {
  assert.equal(uploadErrorKey(413), 'fileTooLarge');
  assert.equal(uploadErrorKey(415), 'fileType');
  assert.equal(uploadErrorKey(409), 'ended');
  assert.equal(uploadErrorKey(0), 'uploadOffline');
  assert.equal(uploadErrorKey(500), 'uploadFailed');
});

test('a message keeps the file it carries; one without a file has none', () => {
  const frame = {
    seq: 4,
    client_msg_id: 'att-1',
    sender: { type: 'agent', name: 'Sari' },
    text: 'panduan.pdf',
    sent_at: '2026-11-25T10:16:02Z',
    attachment: { id: '3f0c6f0e-aaaa-bbbb-cccc-111122223333', name: 'panduan.pdf', content_type: 'application/pdf', size: 2048, extra: 'x' }
  };
  assert.deepEqual(messageFromFrame(frame).attachment, {
    id: '3f0c6f0e-aaaa-bbbb-cccc-111122223333',
    name: 'panduan.pdf',
    content_type: 'application/pdf',
    size: 2048
  });
  assert.equal(messageFromFrame({ seq: 1, text: 'halo' }).attachment, null);
  assert.equal(attachmentOf({ attachment: { name: 'no id' } }), null);
});
