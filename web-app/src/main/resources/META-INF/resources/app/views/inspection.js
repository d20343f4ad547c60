// The inspection group's workspace (INSPECTION_GROUP): records the counted result of a mass evaluation
// (群众评议) — opened, tallied and closed in one go — so that the satisfaction rate reaches the statistics.
import { get, post, query } from '../api.js';
import { t, label, formatPercent } from '../i18n.js';
import { h, clear, select, field, formValues, today, message } from '../dom.js';
import { showFormErrors, clearFormErrors, errorMessage } from '../errors.js';

const METHODS = ['EVALUATION_MEETING', 'PHONE_CALLS', 'QUESTIONNAIRE', 'BALLOT_BOX'];

export function render(main, user) {
  let left = false;
  const campaign = select('campaignId', [], '', { id: 'evaluation-campaign' });
  const result = h('div', { class: 'form-result', role: 'status' });
  const assignments = h('div', {}, h('p', { class: 'loading' }, t('common.loading')));
  const number = (name) => field(t(`field.${name}`), h('input', { type: 'number', name, min: 0, step: 1, value: '0' }));

  const form = h('form', { class: 'card form', dataset: { testid: 'evaluation-form' }, novalidate: true },
    h('h2', {}, t('inspection.form')),
    h('p', { class: 'hint' }, t('inspection.hint')),
    h('div', { class: 'form-errors message error', role: 'alert', hidden: true, dataset: { testid: 'form-error' } }),
    field(t('field.campaignId'), campaign),
    h('div', { class: 'row' },
      field(t('field.year'), h('input', { type: 'number', name: 'year', value: String(new Date().getFullYear()), min: 2000, max: 2100 })),
      field(t('field.round'), h('input', { type: 'text', name: 'round', maxlength: 32, placeholder: `${new Date().getFullYear()}-R1` }))),
    h('div', { class: 'row' },
      field(t('field.organisationId'), h('input', { type: 'text', name: 'subjectId' })),
      field(t('field.townshipId'), h('input', { type: 'text', name: 'townshipId' }))),
    h('div', { class: 'row' },
      field(t('field.methods'), select('method', METHODS.map((m) => [m, label('method', m)]), 'EVALUATION_MEETING', { id: 'evaluation-method' })),
      field(t('field.openedOn'), h('input', { type: 'date', name: 'openedOn', value: today() }))),
    h('div', { class: 'row three' }, number('satisfied'), number('basicallySatisfied'), number('dissatisfied')),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('common.submit'))),
    result);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    clear(result);
    const v = formValues(form);
    try {
      const opened = await post('/api/evaluations', {
        campaignId: v.campaignId, year: v.year, round: v.round, subjectType: 'ORGANISATION', subjectId: v.subjectId,
        organisationId: v.subjectId, townshipId: v.townshipId, methods: [v.method], openedOn: v.openedOn
      });
      const id = opened.evaluationId;
      await post(`/api/evaluations/${id}/tallies`, {
        method: v.method, satisfied: v.satisfied, basicallySatisfied: v.basicallySatisfied, dissatisfied: v.dissatisfied
      });
      const closed = await post(`/api/evaluations/${id}/closing`, { closedOn: v.openedOn });
      clear(result, message('success', t('inspection.recorded', { id, rate: formatPercent(closed.satisfactionRate).replace('%', '') })));
    } catch (error) {
      showFormErrors(form, error);
    }
  });

  clear(main, h('section', { class: 'workspace', dataset: { testid: 'inspection-workspace' } },
    h('div', { class: 'view-head' }, h('h1', {}, t('inspection.title'))),
    h('div', { class: 'split' }, h('section', { class: 'card' }, h('h2', {}, t('review.assignments')), assignments), form)));

  Promise.allSettled([get('/api/campaigns'), get(`/api/assignments${query({ reviewerId: user.id, size: 200 })}`)])
    .then(([campaigns, mine]) => {
      if (left) {
        return;
      }
      if (campaigns.status === 'fulfilled') {
        const list = campaigns.value || [];
        clear(campaign, list.map((c) => h('option', { value: c.id }, c.name ? `${c.name}（${c.id}）` : c.id)));
        if (list.length) {
          campaign.value = list[list.length - 1].id;
        }
      }
      if (mine.status === 'rejected') {
        clear(assignments, errorMessage(mine.reason));
        return;
      }
      const items = (mine.value.items || []).filter((a) => a.active !== false);
      clear(assignments, items.length === 0 ? h('p', { class: 'empty' }, t('review.noAssignments'))
        : h('ul', { class: 'plain' }, items.map((a) => h('li', {}, h('strong', {}, a.campaignId), ' · ',
          (a.townshipIds || []).length ? t('review.assignedTownships', { ids: a.townshipIds.join('、') }) : '',
          (a.organisationIds || []).length ? ` ${t('review.assignedOrgs', { ids: a.organisationIds.join('、') })}` : ''))));
    });

  return () => { left = true; };
}
