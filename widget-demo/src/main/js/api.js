/** The visitor REST API (/api/oss-chat, docs/API.md) over fetch, with a 20 s timeout. */

import { config } from './config.js';

/** A refused or failed call; status 0: the server could not be reached. */
export class ApiError {
  constructor(status, body) {
    this.status = status;
    this.code = body && body.error;
    this.serverMessage = body && body.message;
    this.fields = (body && body.fields) || {};
  }
}

/**
 * Calls the API: options.query (empty values left out), options.body (JSON), options.token (the
 * visitor token, as a bearer). Resolves to the JSON answer (null when empty), rejects with ApiError.
 */
export function api(method, path, options = {}) {
  let url = config.server + '/api/oss-chat' + path;
  if (options.query) {
    const q = new URLSearchParams();
    Object.keys(options.query).forEach((k) => {
      const v = options.query[k];
      if (v !== undefined && v !== null && v !== '') q.append(k, v);
    });
    url += '?' + q.toString();
  }
  const headers = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = 'Bearer ' + options.token;
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = controller && setTimeout(() => controller.abort(), 20000);
  return fetch(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'omit',
    cache: 'no-store',
    signal: controller ? controller.signal : undefined
  }).then(
    (res) => {
      clearTimeout(timer);
      return res.text().then(
        (text) => {
          const json = parseJson(text);
          if (!res.ok) throw new ApiError(res.status, json);
          return json;
        },
        () => {
          throw new ApiError(res.ok ? 0 : res.status, null);
        }
      );
    },
    () => {
      clearTimeout(timer);
      throw new ApiError(0, null);
    }
  );
}

/** The answer's JSON; null when it is empty or not JSON (a proxy's error page). */
function parseJson(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** The path of one of the session's resources: /session/:id[/suffix]. */
export function sessionPath(id, suffix) {
  return '/session/' + encodeURIComponent(id) + (suffix ? '/' + suffix : '');
}

/**
 * Uploads a file to path (multipart, one part "file") with XMLHttpRequest, whose upload events
 * tell the progress: onProgress(loaded, total). Resolves to the JSON answer, rejects with ApiError.
 */
export function uploadFile(path, token, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', config.server + '/api/oss-chat' + path);
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', 'Bearer ' + token);
    xhr.upload.onprogress = (e) => {
      if (onProgress) onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    };
    xhr.onload = () => {
      const json = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(json);
      else reject(new ApiError(xhr.status, json));
    };
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.ontimeout = () => reject(new ApiError(0, null));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** A chat's file (GET /api/attachments/:id with the visitor token), as a Blob. */
export function fetchAttachment(id, token) {
  return fetch(config.server + '/api/attachments/' + encodeURIComponent(id), {
    headers: { Authorization: 'Bearer ' + token },
    credentials: 'omit',
    cache: 'no-store'
  }).then(
    (res) => {
      if (!res.ok) throw new ApiError(res.status, null);
      return res.blob();
    },
    () => {
      throw new ApiError(0, null);
    }
  );
}
