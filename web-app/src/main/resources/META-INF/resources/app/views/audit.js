// The auditor's workspace (AUDITOR): the search of records in the event log (by words of their label, id,
// organisation, type, agency and dates), the full history of any record, a check of its hash chain in the service
// that wrote it, which names the first altered event, and the headline figures as they stood at two dates, side by
// side with the difference.
import { get, query, ApiError } from '../api.js';
import { t, label, formatDateTime, formatNumber, formatPercent } from '../i18n.js';
import { h, clear, field, message, select, formValues, today } from '../dom.js';
import { errorMessage, showFormErrors, clearFormErrors } from '../errors.js';

/** The aggregate types the event log holds, offered in the search. */
const TYPES = ['Pledge', 'Organisation', 'Member', 'Campaign', 'Review', 'Assignment', 'MassEvaluation', 'Assessment',
  'AssessmentScheme', 'LaggingUnit'];
const PAGE_SIZE = 10;

/** The figures compared: where each is read in the summary, and whether it is a rate in percent. */
const FIGURES = [
  { key: 'made', value: (s) => s.made },
  { key: 'approved', value: (s) => s.approved },
  { key: 'published', value: (s) => s.published },
  { key: 'fulfilled', value: (s) => s.fulfilled },
  { key: 'fulfilmentRate', value: (s) => s.fulfilmentRate, percent: true },
  { key: 'open', value: (s) => s.open },
  { key: 'lapsed', value: (s) => s.lapsed },
  { key: 'withdrawn', value: (s) => s.withdrawn },
  { key: 'sentBack', value: (s) => s.sentBack },
  { key: 'reviews', value: (s) => (s.reviews ? s.reviews.recorded : null) }
];

/** The comparison of the pledge summary at two dates (GET /api/reports/pledges/summary?asOf=…). */
function comparison() {
  const campaign = select('campaignId', [['', t('common.allCampaigns')]], '', { id: 'compare-campaign', dataset: { testid: 'compare-campaign' } });
  const from = h('input', { type: 'date', name: 'from', id: 'compare-from', value: today(-30), dataset: { testid: 'compare-from' } });
  const to = h('input', { type: 'date', name: 'to', id: 'compare-to', value: today(), dataset: { testid: 'compare-to' } });
  const output = h('div', { dataset: { testid: 'compare-output' } });
  const form = h('form', { class: 'card form', novalidate: true, dataset: { testid: 'compare-form' } },
    h('h2', {}, t('audit.compare.title')),
    h('p', { class: 'hint' }, t('audit.compare.hint')),
    h('div', { class: 'form-errors message error', role: 'alert', hidden: true, dataset: { testid: 'form-error' } }),
    h('div', { class: 'row three' }, field(t('field.campaignId'), campaign), field(t('field.from'), from), field(t('field.to'), to)),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', dataset: { testid: 'compare-submit' } }, t('audit.compare.submit'))),
    output);

  get('/api/reports/campaigns').then((campaigns) => {
    (campaigns || []).forEach((c) => campaign.append(h('option', { value: c.campaignId }, c.name ? `${c.name}（${c.campaignId}）` : c.campaignId)));
  }).catch((error) => clear(output, errorMessage(error)));

  function cell(figure, value) {
    if (value === null || value === undefined) {
      return '–';
    }
    return figure.percent ? formatPercent(value) : formatNumber(value);
  }

  function difference(figure, a, b) {
    if (a === null || a === undefined || b === null || b === undefined) {
      return { text: '–', value: null };
    }
    const value = figure.percent ? Math.round((b - a) * 10) / 10 : b - a;
    const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
    const size = Math.abs(value);
    return { text: `${sign}${figure.percent ? `${formatNumber(size, 1)} ${t('audit.compare.points')}` : formatNumber(size)}`, value };
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const v = formValues(form);
    const missing = ['from', 'to'].filter((name) => !v[name]);
    if (missing.length) {
      showFormErrors(form, new ApiError(400, { errors: missing.map((name) => ({ field: name, message: 'must not be blank' })) }));
      return;
    }
    const submit = form.querySelector('[type=submit]');
    submit.disabled = true;
    clear(output, h('p', { class: 'loading' }, t('common.loading')));
    try {
      const [a, b] = await Promise.all([v.from, v.to].map((asOf) =>
        get(`/api/reports/pledges/summary${query({ campaignId: v.campaignId, asOf })}`)));
      clear(output, h('table', { class: 'table compare', dataset: { testid: 'compare-table', from: v.from, to: v.to } },
        h('thead', {}, h('tr', {}, h('th', {}, t('audit.compare.figure')),
          h('th', { class: 'num' }, t('audit.compare.at', { date: v.from })),
          h('th', { class: 'num' }, t('audit.compare.at', { date: v.to })),
          h('th', { class: 'num' }, t('audit.compare.difference')))),
        h('tbody', {}, FIGURES.map((figure) => {
          const first = figure.value(a);
          const second = figure.value(b);
          const diff = difference(figure, first, second);
          return h('tr', { dataset: { key: figure.key, from: first ?? '', to: second ?? '', difference: diff.value ?? '' } },
            h('th', {}, t(`audit.figure.${figure.key}`)),
            h('td', { class: 'num' }, cell(figure, first)),
            h('td', { class: 'num' }, cell(figure, second)),
            h('td', { class: `num diff ${diff.value > 0 ? 'up' : diff.value < 0 ? 'down' : ''}` }, diff.text));
        }))),
      h('p', { class: 'hint' }, t('audit.compare.note')));
    } catch (error) {
      clear(output);
      showFormErrors(form, error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/**
 * The search of records (GET /api/audit/records): words of a label, the start of an id or an organisation id, the
 * type, the agency that acted and a period of activity; the matching records newest activity first, paged, each
 * opening its history.
 */
function recordSearch(open) {
  const type = select('type', [['', t('audit.search.anyType')], ...TYPES.map((value) => [value, label('audit.type', value)])], '',
    { id: 'record-type', dataset: { testid: 'record-type' } });
  const form = h('form', { class: 'card form', novalidate: true, dataset: { testid: 'record-search' } },
    h('h2', {}, t('audit.search.title')),
    h('p', { class: 'hint' }, t('audit.search.hint')),
    h('div', { class: 'form-errors message error', role: 'alert', hidden: true, dataset: { testid: 'form-error' } }),
    h('div', { class: 'row' },
      field(t('audit.search.q'), h('input', { type: 'search', name: 'q', id: 'record-q', maxlength: 200, placeholder: t('audit.search.qHint'), dataset: { testid: 'record-q' } })),
      field(t('audit.search.type'), type)),
    h('div', { class: 'row three' },
      field(t('audit.search.agency'), h('input', { type: 'text', name: 'agencyId', id: 'record-agency', dataset: { testid: 'record-agency' } })),
      field(t('audit.search.from'), h('input', { type: 'date', name: 'from', id: 'record-from', dataset: { testid: 'record-from' } })),
      field(t('audit.search.to'), h('input', { type: 'date', name: 'to', id: 'record-to', dataset: { testid: 'record-to' } }))),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', dataset: { testid: 'record-search-submit' } }, t('audit.search.submit'))));
  const results = h('div', { dataset: { testid: 'record-results' } });
  const pager = h('div', { class: 'pager', dataset: { testid: 'record-pager' } });
  const card = h('section', { class: 'card', hidden: true }, results, pager);
  let filters = null;
  let asked = 0;

  async function load(page) {
    const ask = ++asked;
    clear(results, h('p', { class: 'loading' }, t('common.loading')));
    clear(pager);
    try {
      const found = await get(`/api/audit/records${query({ ...filters, page, size: PAGE_SIZE })}`);
      if (ask !== asked) {
        return;
      }
      show(found);
    } catch (error) {
      if (ask === asked) {
        clear(results);
        showFormErrors(form, error);
      }
    }
  }

  function show(found) {
    if (!found.items.length) {
      clear(results, h('p', { class: 'empty', dataset: { testid: 'record-none' } }, t('audit.search.none')));
      return;
    }
    clear(results, h('table', { class: 'table records', dataset: { testid: 'record-table', total: found.total } },
      h('thead', {}, h('tr', {}, ['label', 'type', 'events', 'last', 'agencies', 'id', 'open'].map((c) => h('th', { class: c === 'events' ? 'num' : null }, t(`audit.search.col.${c}`))))),
      h('tbody', {}, found.items.map((r) => h('tr', { dataset: { aggregateId: r.aggregateId, type: r.aggregateType } },
        h('td', {}, r.label || '–'),
        h('td', {}, label('audit.type', r.aggregateType), h('small', {}, ` ${r.source || ''}`)),
        h('td', { class: 'num' }, formatNumber(r.events)),
        h('td', {}, r.lastEventType || '', h('small', {}, ` ${r.lastEventAt ? formatDateTime(r.lastEventAt) : ''}`)),
        h('td', {}, (r.agencies || []).join(', ')),
        h('td', {}, h('code', {}, r.aggregateId)),
        h('td', { class: 'actions' }, h('button', { type: 'button', class: 'ghost small', dataset: { testid: 'record-open' }, onclick: () => open(r.aggregateId) }, t('audit.search.open'))))))));
    const pages = Math.max(1, Math.ceil(found.total / found.size));
    clear(pager,
      h('button', { type: 'button', class: 'ghost small', disabled: found.page === 0, dataset: { testid: 'record-previous' },
        onclick: () => load(found.page - 1) }, t('common.previous')),
      h('span', {}, t('common.pageOf', { page: found.page + 1, pages, total: formatNumber(found.total) })),
      h('button', { type: 'button', class: 'ghost small', disabled: found.page + 1 >= pages, dataset: { testid: 'record-next' },
        onclick: () => load(found.page + 1) }, t('common.next')));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const v = formValues(form);
    filters = { q: v.q, type: v.type, agencyId: v.agencyId, from: v.from, to: v.to };
    card.hidden = false;
    load(0);
  });
  return h('section', {}, form, card);
}

export function render(main) {
  const idInput = h('input', { type: 'text', name: 'aggregateId', id: 'audit-id', required: true, placeholder: t('audit.idHint') });
  const output = h('div', { dataset: { testid: 'audit-output' } });
  const chain = h('div', { dataset: { testid: 'audit-chain' } });
  const outputCard = h('section', { class: 'card', hidden: true }, output);
  let history = null;

  async function showHistory(event) {
    event.preventDefault();
    await openHistory(idInput.value.trim());
  }

  async function openHistory(id) {
    clear(chain);
    history = null;
    if (!id) {
      return;
    }
    outputCard.hidden = false;
    clear(output, h('p', { class: 'loading' }, t('common.loading')));
    try {
      history = await get(`/api/audit/history/${encodeURIComponent(id)}`);
      clear(output,
        h('p', { class: 'facts', dataset: { testid: 'audit-record', id: history.aggregateId } },
          h('code', {}, history.aggregateId), ' · ', t('audit.events', { type: label('audit.type', history.aggregateType), source: history.source, count: history.events })),
        h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'primary', dataset: { testid: 'audit-verify' }, onclick: verify }, t('audit.verify'))),
        h('table', { class: 'table history', dataset: { testid: 'audit-history' } },
          h('thead', {}, h('tr', {}, ['seq', 'time', 'type', 'user', 'agency', 'correlation', 'payload'].map((c) => h('th', {}, t(`audit.col.${c}`))))),
          h('tbody', {}, history.history.map((e) => h('tr', {},
            h('td', {}, e.sequence), h('td', {}, formatDateTime(e.occurredAt)), h('td', {}, e.type, h('small', {}, ` r${e.revision || '1'}`)),
            h('td', {}, e.userId || ''), h('td', {}, e.agencyId || ''), h('td', {}, h('code', {}, e.correlationId || '')),
            h('td', {}, h('details', {}, h('summary', {}, '{…}'), h('pre', {}, JSON.stringify(e.payload, null, 2)))))))));
    } catch (error) {
      clear(output, errorMessage(error));
    }
  }

  async function verify() {
    if (!history) {
      return;
    }
    try {
      const result = await get(`/api/audit/${encodeURIComponent(history.source)}/chains/${encodeURIComponent(history.aggregateId)}`);
      clear(chain, result.intact
        ? message('success', t('audit.intact', { events: result.events }), { dataset: { intact: 'true' } })
        : message('error', `${t('audit.broken', { first: result.firstBroken.sequence })} ${result.firstBroken.reason}`, { dataset: { intact: 'false' } }));
    } catch (error) {
      clear(chain, errorMessage(error));
    }
  }

  const records = recordSearch((id) => {
    idInput.value = id;
    openHistory(id).then(() => outputCard.scrollIntoView({ block: 'start' }));
  });

  clear(main, h('section', { class: 'workspace', dataset: { testid: 'audit-workspace' } },
    h('div', { class: 'view-head' }, h('h1', {}, t('audit.title'))),
    records,
    h('form', { class: 'card form inline-form', onsubmit: showHistory },
      h('h2', {}, t('audit.lookup')),
      h('div', { class: 'row' }, field(t('field.id'), idInput),
        h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', dataset: { testid: 'audit-show' } }, t('audit.show'))))),
    chain,
    outputCard,
    comparison()));
}
