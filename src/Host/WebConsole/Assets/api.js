// Calls /v1 with the API key kept in session storage (never in a cookie or a URL).
const keyName = 'normalizer.apiKey';

export const session = {
  get key() { return sessionStorage.getItem(keyName); },
  set key(value) { value ? sessionStorage.setItem(keyName, value) : sessionStorage.removeItem(keyName); },
};

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export async function request(path, { method = 'GET', signal } = {}) {
  const response = await fetch(path, { method, signal, headers: { Authorization: `Bearer ${session.key}` }, credentials: 'omit' });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiError(response.status, body?.error?.message ?? `${method} ${path}: HTTP ${response.status}`);
  }
  return response.status === 204 ? null : response.json();
}

export const query = params =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();

// Reads Server-Sent Events from a fetch body (EventSource cannot send the Authorization header).
export async function stream(path, { onOpen, onItem, signal }) {
  const response = await fetch(path, { signal, headers: { Authorization: `Bearer ${session.key}`, Accept: 'text/event-stream' }, credentials: 'omit' });
  if (!response.ok) {
    throw new ApiError(response.status, `stream: HTTP ${response.status}`);
  }
  onOpen();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let item = { data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    const lines = buffer.split(/\r?\n/);
    buffer = lines.pop();
    for (const line of lines) {
      if (line === '') {
        if (item.data.length > 0) onItem({ id: item.id, event: item.event, data: item.data.join('\n') });
        item = { data: [] };
        continue;
      }
      const colon = line.indexOf(':');
      if (colon === 0) continue;
      const field = colon < 0 ? line : line.slice(0, colon);
      const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') item.data.push(text);
      else if (field === 'id') item.id = text;
      else if (field === 'event') item.event = text;
    }
  }
}
