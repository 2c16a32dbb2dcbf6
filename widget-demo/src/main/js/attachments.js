/**
 * Files in a chat, the parts that need no browser: which files the widget offers to send, what is
 * wrong with one before a long upload the server would refuse, sizes in the visitor's language,
 * upload progress, and what a refused upload means. Pure: no DOM, no state.
 *
 * The server decides what a file is from its bytes (docs/API.md, "Files in a chat"); the checks
 * here only spare the visitor waiting for a refusal that is certain.
 */

export const ALLOWED_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'];

/** The file chooser's filter. */
export const ACCEPT = ALLOWED_TYPES.join(',');

/** The server's default limit (ATTACHMENT_MAX_BYTES). */
export const MAX_BYTES = 10 * 1024 * 1024;

/**
 * What is wrong with a chosen file ({name, size, type}), as a TEXTS key, or null. A type the
 * browser does not know ('') is left to the server.
 */
export function checkFile(file, maxBytes = MAX_BYTES) {
  if (!file || !file.size) return 'fileEmpty';
  if (file.size > maxBytes) return 'fileTooLarge';
  if (file.type && ALLOWED_TYPES.indexOf(file.type) < 0) return 'fileType';
  return null;
}

/** Whether the widget shows the file as a picture. */
export function isImage(contentType) {
  return contentType === 'image/png' || contentType === 'image/jpeg' || contentType === 'image/webp';
}

/** 850 B, 12 KB, 1,4 MB (Indonesian) or 1.4 MB (English). */
export function formatSize(bytes, lang) {
  const n = Number(bytes) || 0;
  const locale = lang === 'en' ? 'en-GB' : 'id-ID';
  if (n < 1024) return n + ' B';
  if (n < 1024 * 1024) return Math.round(n / 1024) + ' KB';
  const mb = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n / (1024 * 1024));
  return mb + ' MB';
}

/** How far an upload is, 0 to 100; an unknown total counts as not started. */
export function progressPercent(loaded, total) {
  if (!total || total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((loaded / total) * 100)));
}

/** What a refused or failed upload tells the visitor, as a TEXTS key. */
export function uploadErrorKey(status) {
  if (status === 413) return 'fileTooLarge';
  if (status === 415) return 'fileType';
  if (status === 409) return 'ended';
  if (status === 0) return 'uploadOffline';
  return 'uploadFailed';
}

/** The file a message carries, as the server sent it, or null: only the fields the widget uses. */
export function attachmentOf(frame) {
  const a = frame && frame.attachment;
  if (!a || typeof a.id !== 'string') return null;
  return {
    id: a.id,
    name: String(a.name == null ? '' : a.name),
    content_type: String(a.content_type || ''),
    size: Number(a.size) || 0
  };
}
