// The auditor's workspace (AUDITOR): the full history of any record from the event log, and a check of its hash
// chain in the service that wrote it, which names the first altered event.
import { get } from '../api.js';
import { t, formatDateTime } from '../i18n.js';
import { h, clear, field, message } from '../dom.js';
import { errorMessage } from '../errors.js';

export function render(main) {
  const idInput = h('input', { type: 'text', name: 'aggregateId', id: 'audit-id', required: true, placeholder: t('audit.idHint') });
  const output = h('div', { dataset: { testid: 'audit-output' } });
  const chain = h('div', { dataset: { testid: 'audit-chain' } });
  let history = null;

  async function showHistory(event) {
    event.preventDefault();
    clear(chain);
    history = null;
    const id = idInput.value.trim();
    if (!id) {
      return;
    }
    clear(output, h('p', { class: 'loading' }, t('common.loading')));
    try {
      history = await get(`/api/audit/history/${encodeURIComponent(id)}`);
      clear(output,
        h('p', { class: 'facts' }, t('audit.events', { type: history.aggregateType, source: history.source, count: history.events })),
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
        : message('error', `${t('audit.broken', { first: result.firstBroken ? result.firstBroken.sequence : '?' })} ${result.firstBroken ? result.firstBroken.reason || '' : ''}`, { dataset: { intact: 'false' } }));
    } catch (error) {
      clear(chain, errorMessage(error));
    }
  }

  clear(main, h('section', { class: 'workspace', dataset: { testid: 'audit-workspace' } },
    h('div', { class: 'view-head' }, h('h1', {}, t('audit.title'))),
    h('form', { class: 'card form inline-form', onsubmit: showHistory },
      h('h2', {}, t('audit.lookup')),
      h('div', { class: 'row' }, field(t('field.id'), idInput),
        h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', dataset: { testid: 'audit-show' } }, t('audit.show'))))),
    chain,
    h('section', { class: 'card' }, output)));
}
