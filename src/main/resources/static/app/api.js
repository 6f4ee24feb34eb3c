// The REST API's client: JSON in, JSON out, and every failure as an ApiError holding the problem detail.
import { h } from './dom.js';

const TOKEN_KEY = 'asset-registry.token';

/** A failed API call: the HTTP status (0 when the server could not be reached) and its problem detail. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

/** The bearer token the page sends, if the user gave one (kept for this browser tab only). */
export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** GETs (or sends) a path of the API and answers its JSON; throws an ApiError on any failure. */
export async function api(path, options = {}) {
  const headers = new Headers(options.headers ?? {});
  headers.set('Accept', 'application/json, application/problem+json');
  if (token()) headers.set('Authorization', 'Bearer ' + token());
  let response;
  try {
    response = await fetch(path, { ...options, headers });
  } catch (e) {
    throw new ApiError(0, { title: 'The server cannot be reached', detail: String(e.message ?? e) });
  }
  return answer(response.status, response.statusText, response.headers.get('Content-Type'), await response.text());
}

/** The JSON of an answer, or an ApiError built from its problem detail. */
export function answer(status, statusText, contentType, text) {
  let body = null;
  if (text && (contentType ?? '').includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (status >= 200 && status < 300) return body;
  const problem = body && typeof body === 'object' ? body
    : { title: statusText || 'HTTP ' + status, status, detail: 'The server answered ' + status + ' without a problem detail.' };
  throw new ApiError(status, problem);
}

/** The error box for a failed call: the problem's title, status and detail, and its broken rules if any. */
export function problemBox(error, onToken) {
  const problem = error instanceof ApiError ? error.problem
    : { title: 'The page failed', detail: String(error?.message ?? error) };
  const status = error instanceof ApiError && error.status ? ' (' + error.status + ')' : '';
  const violations = Array.isArray(problem.violations) ? problem.violations : [];
  const box = h('div', { class: 'problem', role: 'alert' },
    h('p', { class: 'problem-title' }, (problem.title || 'Error') + status),
    problem.detail ? h('p', { class: 'problem-detail' }, problem.detail) : null,
    violations.length ? h('ul', {}, violations.map(v =>
      h('li', {}, h('code', {}, String(v.rule ?? v.id ?? '')), ' ', String(v.message ?? '')))) : null);
  if (error instanceof ApiError && error.status === 401) box.append(tokenForm(onToken));
  return box;
}

function tokenForm(onToken) {
  const input = h('input', { id: 'api-token', type: 'password', autocomplete: 'off', required: true });
  return h('form', {
    class: 'token-form',
    onsubmit: event => {
      event.preventDefault();
      setToken(input.value.trim());
      onToken?.();
    },
  }, h('label', { for: 'api-token' }, 'API token'), input, h('button', { type: 'submit' }, 'Use token'));
}
