// Calls to the platform's API through the gateway (same origin), with the signed-in person's token.
import { accessToken } from './auth.js';

/** A refused or failed call: the HTTP status and the RFC 7807 problem the service answered with. */
export class ApiError extends Error {
  constructor(status, problem = {}, retryAfter = null) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

const unauthorisedListeners = new Set();

/** Called when the API says the token is no longer valid. */
export function onUnauthorised(listener) {
  unauthorisedListeners.add(listener);
}

function headersFor(extra = {}) {
  const token = accessToken();
  if (!token) {
    unauthorisedListeners.forEach((listener) => listener());
    throw new ApiError(401, { title: 'Not signed in' });
  }
  return { Authorization: `Bearer ${token}`, Accept: 'application/json, application/problem+json', ...extra };
}

/**
 * Sends a request; answers { data, headers, status }. A body that is an object is sent as JSON; a Blob or string
 * as it is (with the content type given in options.headers). Throws ApiError when the answer is not 2xx.
 */
export async function request(path, { method = 'GET', body, headers = {}, signal } = {}) {
  const sent = headersFor(headers);
  let payload = body;
  if (body !== undefined && !(body instanceof Blob) && typeof body !== 'string') {
    sent['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, { method, headers: sent, body: payload, signal, cache: 'no-store' });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, { detail: error.message });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = text;
    }
  }
  if (!response.ok) {
    const problem = data && typeof data === 'object' ? data : { detail: data ? String(data) : '' };
    if (response.status === 401) {
      unauthorisedListeners.forEach((listener) => listener());
    }
    throw new ApiError(response.status, problem, response.headers.get('Retry-After'));
  }
  return { data, headers: response.headers, status: response.status };
}

export async function get(path, options) {
  return (await request(path, options)).data;
}

export async function post(path, body, options = {}) {
  return (await request(path, { ...options, method: 'POST', body })).data;
}

/** Downloads a file the API answers with (e.g. a CSV export) and hands it to the browser to save. */
export async function download(path, fileName) {
  const response = await fetch(path, { headers: headersFor({ Accept: 'text/csv' }), cache: 'no-store' });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem, response.headers.get('Retry-After'));
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The query string of the given parameters, leaving out empty ones: query({ a: 1, b: '' }) is '?a=1'. */
export function query(parameters) {
  const search = new URLSearchParams();
  Object.entries(parameters).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, value);
    }
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}
