// Live pledge figures. EventSource cannot send the Authorization header, so the server-sent events of
// GET /api/reports/stream are read with fetch() and a stream reader, carrying the bearer token. While the stream
// is unavailable (not deployed, proxy cut it, network gone) the summary is polled every few seconds instead, and
// the stream is tried again with a growing pause.
import { accessToken } from './auth.js';
import { get, query } from './api.js';

const POLL_MILLIS = 5000;
const MAX_RETRY_MILLIS = 30000;

/**
 * Follows the summary of a campaign (all campaigns when campaignId is empty). onSummary gets each summary;
 * onMode gets 'connecting', 'stream' or 'polling'; onError gets polling failures. Answers a function that stops.
 */
export function followSummary(campaignId, { onSummary, onMode = () => {}, onError = () => {} }) {
  let stopped = false;
  let controller = null;
  let pollTimer = null;
  let retryTimer = null;
  let retryMillis = 1000;
  const parameters = query({ campaignId });

  function startPolling() {
    if (pollTimer || stopped) {
      return;
    }
    const poll = async () => {
      try {
        onSummary(await get(`/api/reports/pledges/summary${parameters}`));
      } catch (error) {
        onError(error);
      }
    };
    poll();
    pollTimer = setInterval(poll, POLL_MILLIS);
  }

  function stopPolling() {
    clearInterval(pollTimer);
    pollTimer = null;
  }

  function dispatch(block) {
    let event = 'message';
    const data = [];
    block.split(/\r?\n/).forEach((line) => {
      if (line.startsWith(':')) {
        return;
      }
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (name === 'event') {
        event = value;
      } else if (name === 'data') {
        data.push(value);
      }
    });
    if (data.length && (event === 'summary' || event === 'message')) {
      try {
        onSummary(JSON.parse(data.join('\n')));
      } catch (e) {
        // not a summary: ignored
      }
    }
  }

  async function connect() {
    if (stopped) {
      return;
    }
    const token = accessToken();
    controller = new AbortController();
    try {
      if (!token) {
        throw new Error('signed out');
      }
      const response = await fetch(`/api/reports/stream${parameters}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        cache: 'no-store',
        signal: controller.signal
      });
      const type = response.headers.get('Content-Type') || '';
      if (!response.ok || !response.body || !type.startsWith('text/event-stream')) {
        throw new Error(`stream answered ${response.status}`);
      }
      stopPolling();
      onMode('stream');
      retryMillis = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        buffer += value;
        let end = buffer.search(/\r?\n\r?\n/);
        while (end >= 0) {
          const separator = buffer.slice(end).match(/^\r?\n\r?\n/)[0];
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + separator.length);
          end = buffer.search(/\r?\n\r?\n/);
        }
      }
    } catch (error) {
      if (stopped) {
        return;
      }
    }
    if (stopped) {
      return;
    }
    onMode('polling');
    startPolling();
    retryTimer = setTimeout(connect, retryMillis);
    retryMillis = Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
  }

  onMode('connecting');
  connect();
  return () => {
    stopped = true;
    stopPolling();
    clearTimeout(retryTimer);
    if (controller) {
      controller.abort();
    }
  };
}
