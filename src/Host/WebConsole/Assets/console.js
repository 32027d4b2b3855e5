import { session, request, query, stream } from '/console/api.js';
import { barChart } from '/console/charts.js';

const $ = id => document.getElementById(id);
const maxRows = 500;
let live = null;
// The cursor up to which every event was received (it moves only while the stream is unfiltered): a new filter resumes
// from there, so events a narrower filter left out come once the filter is widened; rows already shown are not repeated.
let complete = null;
const shown = new Set();

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  row.append(td);
  return td;
}

function button(text, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

function say(text, isError = false) {
  $('status').textContent = text;
  $('status').className = isError ? 'error' : '';
}

async function guarded(action) {
  try {
    await action();
  } catch (error) {
    if (error.name === 'AbortError') return;
    if (error.status === 401) logout('The API key is not valid');
    else say(error.message, true);
  }
}

function show(view) {
  for (const section of document.querySelectorAll('main section')) section.hidden = section.id !== `view-${view}`;
  for (const b of document.querySelectorAll('nav button')) b.setAttribute('aria-pressed', String(b.dataset.view === view));
  say('');
  const load = { rates: loadRates, dead: loadDead, quarantine: loadQuarantine, pages: loadPages }[view];
  if (load) guarded(load);
}

// Events: a live stream, filtered on the server; rows already shown are filtered the same way here.
function filters() {
  const form = new FormData($('filters'));
  return { platform: form.get('platform'), page_id: form.get('page_id').trim(), event: form.get('event').trim() };
}

function matches(row, f) {
  return (!f.platform || row.dataset.platform === f.platform) && (!f.page_id || row.dataset.page === f.page_id) &&
    (!f.event || row.dataset.event === f.event);
}

function addEvent(evt) {
  if (shown.has(evt.id)) return;
  shown.add(evt.id);
  const row = document.createElement('tr');
  row.dataset.id = evt.id;
  Object.assign(row.dataset, { platform: evt.platform, page: evt.page_id, event: evt.event });
  cell(row, new Date(evt.received_at).toLocaleTimeString());
  cell(row, evt.platform);
  cell(row, evt.page_id);
  cell(row, evt.event);
  cell(row, '').append(button(evt.id, () => guarded(() => openEvent(evt.id))));
  const rows = $('event-rows');
  rows.prepend(row);
  while (rows.rows.length > maxRows) {
    shown.delete(rows.lastElementChild.dataset.id);
    rows.lastElementChild.remove();
  }
}

function connect() {
  live?.abort();
  const controller = new AbortController();
  live = controller;
  const f = filters();
  for (const row of $('event-rows').rows) row.hidden = !matches(row, f);
  const filtered = Boolean(f.platform || f.page_id || f.event);
  const path = `/v1/events/stream?${query({ ...f, after: complete })}`;
  $('stream-state').textContent = 'Connecting…';
  stream(path, {
    signal: controller.signal,
    onOpen: () => { $('stream-state').textContent = 'Live'; },
    onItem: item => {
      if (!filtered) complete = item.id;
      addEvent(JSON.parse(item.data));
    },
  }).then(() => {
    if (live === controller) setTimeout(connect, 1000);
  }, error => {
    if (error.name === 'AbortError') return;
    if (error.status === 401) return logout('The API key is not valid');
    if (error.status === 400) return ($('stream-state').textContent = 'Filter not valid: platform, page ID or event name');
    $('stream-state').textContent = 'Disconnected; reconnecting…';
    if (live === controller) setTimeout(connect, 2000);
  });
}

async function openEvent(id) {
  const [evt, deliveries] = await Promise.all([
    request(`/v1/events/${encodeURIComponent(id)}`),
    request(`/v1/deliveries?${query({ event_id: id })}`),
  ]);
  $('detail-title').textContent = `Event ${evt.id}`;
  $('detail-raw').textContent = JSON.stringify(evt.raw, null, 2);
  const { raw, ...rest } = evt;
  $('detail-event').textContent = JSON.stringify(rest, null, 2);
  const rows = $('detail-attempts');
  rows.replaceChildren();
  for (const d of deliveries.data) {
    for (const a of d.attempts.length ? d.attempts : [{}]) {
      const row = rows.insertRow();
      [d.subscription_id, d.status, a.attempt, a.at, a.status_code, a.error].forEach(v => cell(row, v == null ? '' : String(v)));
    }
  }
  show('detail');
}

async function loadRates() {
  const rates = await request('/v1/events/rates');
  const draw = (target, series, title) =>
    $(target).replaceChildren(...(series.length ? series.map(s => barChart(title(s), s.counts, rates.bucket_seconds)) : [document.createTextNode('No events in the last hour')]));
  draw('rates-channels', rates.channels, s => s.platform);
  draw('rates-pages', rates.pages, s => `${s.page_id} (${s.platform})`);
}

async function loadDead() {
  const dead = await request('/v1/deliveries?status=dead');
  const rows = $('dead-rows');
  rows.replaceChildren();
  for (const d of dead.data) {
    const row = rows.insertRow();
    const last = d.attempts.at(-1) ?? {};
    cell(row, d.subscription_id);
    cell(row, d.event_id);
    cell(row, String(d.attempts.length));
    cell(row, last.error ?? (last.status_code ? `HTTP ${last.status_code}` : ''));
    const state = cell(row, 'dead');
    cell(row, '').append(button('Replay', event => guarded(() => replay(d, state, event.target))));
  }
  if (!dead.data.length) say('No dead letters');
}

async function replay(delivery, state, replayButton) {
  replayButton.disabled = true;
  const path = `/v1/subscriptions/${encodeURIComponent(delivery.subscription_id)}/events/${encodeURIComponent(delivery.event_id)}/replay`;
  await request(path, { method: 'POST' });
  state.textContent = 'replay queued';
  for (let i = 0; i < 30; i++) {
    await new Promise(resolve => setTimeout(resolve, 1000));
    const list = await request(`/v1/deliveries?${query({ event_id: delivery.event_id, subscription_id: delivery.subscription_id })}`);
    const latest = list.data.at(-1);
    if (latest && latest.id !== delivery.id) {
      state.textContent = `replayed: ${latest.status}`;
      if (latest.status !== 'pending') return;
    }
  }
}

async function loadQuarantine() {
  const page = await request('/v1/quarantine?limit=500');
  const rows = $('quarantine-rows');
  rows.replaceChildren();
  for (const q of page.data) {
    const row = rows.insertRow();
    cell(row, new Date(q.received_at).toLocaleString());
    cell(row, q.reason);
    cell(row, q.body.length > 200 ? `${q.body.slice(0, 200)}…` : q.body);
    const state = cell(row, 'quarantined');
    cell(row, '').append(button('Re-process', event => guarded(async () => {
      event.target.disabled = true;
      await request(`/v1/quarantine/${encodeURIComponent(q.id)}/reprocess`, { method: 'POST' });
      state.textContent = 're-processing';
    })));
  }
  if (!page.data.length) say('Quarantine is empty');
}

async function findContacts(form) {
  const { scoped_id, scope_id, person_id } = Object.fromEntries(new FormData(form));
  const found = await request(`/v1/contacts?${query(person_id.trim() ? { person_id: person_id.trim() } : { scoped_id: scoped_id.trim(), scope_id: scope_id.trim() })}`);
  // A contact's person: every contact linked to it, on any channel.
  const persons = [...new Set(found.data.map(c => c.person_id))];
  const linked = person_id.trim() ? found.data :
    (await Promise.all(persons.map(p => request(`/v1/contacts?${query({ person_id: p })}`)))).flatMap(l => l.data);
  const rows = $('contact-rows');
  rows.replaceChildren();
  for (const c of linked) {
    const row = rows.insertRow();
    [c.id, c.person_id, c.platform, c.scoped_id, c.scope_id, c.asid ? `${c.asid} (app ${c.asid_app_id})` : '', c.is_active ? 'yes' : 'no']
      .forEach(v => cell(row, v));
  }
  say(linked.length ? '' : 'No contact found');
}

async function loadPages() {
  const [pages, errors] = await Promise.all([request('/v1/pages'), request('/v1/pages/send-errors')]);
  const byPage = new Map(errors.data.map(e => [e.page_id, e]));
  const rows = $('page-rows');
  rows.replaceChildren();
  for (const p of pages.data) {
    const row = rows.insertRow();
    const error = byPage.get(p.id);
    [p.id, p.platform, `${p.token_hint} (${p.source})`, error ? error.message : 'none',
      error?.kind ?? '', error ? new Date(error.at).toLocaleString() : ''].forEach(v => cell(row, v));
  }
}

function login(key) {
  session.key = key;
  $('login').hidden = true;
  $('app').hidden = false;
  $('logout').hidden = false;
  show('events');
  connect();
}

function logout(message = '') {
  live?.abort();
  live = null;
  session.key = null;
  $('app').hidden = true;
  $('logout').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message;
}

$('login').addEventListener('submit', event => {
  event.preventDefault();
  const key = $('api-key').value.trim();
  $('api-key').value = '';
  session.key = key;
  request('/v1/events?limit=1').then(() => login(key), error =>
    logout(error.status === 401 ? 'The API key is not valid' : `Could not log in: ${error.message}`));
});
$('logout').addEventListener('click', () => logout());
$('filters').addEventListener('submit', event => { event.preventDefault(); connect(); });
$('contact-search').addEventListener('submit', event => { event.preventDefault(); guarded(() => findContacts(event.target)); });
$('detail-back').addEventListener('click', () => show('events'));
for (const b of document.querySelectorAll('nav button')) b.addEventListener('click', () => show(b.dataset.view));
if (session.key) login(session.key);
