// The inspection group's workspace (INSPECTION_GROUP): lists the group's mass evaluations (群众评议), opens one,
// adds ballots and counted tallies to an open one on as many occasions as it takes and closes it, so that its
// satisfaction rate reaches the statistics; enters the year-end assessment (考核测评) of an organisation or member
// and shows its total and grade; and keeps the rectification ledger of lagging units (整顿后进基层党组织):
// responsible leader, measures, progress, final check.
import { get, post, query } from '../api.js';
import { t, label, formatNumber, formatPercent } from '../i18n.js';
import { h, clear, select, field, formValues, today, message } from '../dom.js';
import { showFormErrors, clearFormErrors, errorMessage } from '../errors.js';
import { openStepDialog } from '../dialogs.js';

const METHODS = ['EVALUATION_MEETING', 'PHONE_CALLS', 'QUESTIONNAIRE', 'BALLOT_BOX'];
const ANSWERS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'];
const DIMENSIONS = ['postCompetence', 'developmentContribution', 'publicSatisfaction', 'socialReputation'];
const CHECKLIST = ['goodLeadership', 'goodMembership', 'goodMechanisms', 'goodResults', 'goodPublicOpinion',
  'strongInDevelopment', 'strongInServingThePublic', 'strongInUnitingPeople', 'strongInPromotingHarmony'];
const LEDGER_STATUSES = ['LISTED', 'LEADER_ASSIGNED', 'RECTIFYING', 'CLEARED'];
const PAGE_SIZE = 20;

/** The steps of the ledger: what each asks for, where it is sent, and in which states it is offered. */
const LEDGER_STEPS = {
  leader: { path: 'leader', when: ['LISTED', 'LEADER_ASSIGNED', 'RECTIFYING'],
    fields: (unit) => [
      field(t('field.leaderId'), h('input', { type: 'text', name: 'leaderId', id: 'ledger-leader', maxlength: 64, value: unit.leaderId || '' })),
      dateInput('assignedOn')],
    body: (v) => ({ leaderId: v.leaderId, assignedOn: v.assignedOn }) },
  measures: { path: 'measures', when: ['LEADER_ASSIGNED', 'RECTIFYING'],
    fields: (unit) => [
      field(t('field.measures'), h('textarea', { name: 'measures', id: 'ledger-measures', rows: 4,
        value: (unit.measures || []).join('\n') }), t('inspection.ledger.measuresHint')),
      field(t('field.dueOn'), h('input', { type: 'date', name: 'dueOn', id: 'ledger-due', value: unit.dueOn || '' }))],
    body: (v) => ({ measures: (v.measures || '').split(/\n+/).map((m) => m.trim()).filter(Boolean), dueOn: v.dueOn }) },
  progress: { path: 'progress', when: ['RECTIFYING'],
    fields: () => [
      field(t('field.progress'), h('textarea', { name: 'progress', id: 'ledger-progress', rows: 3 })),
      dateInput('reportedOn')],
    body: (v) => ({ progress: v.progress, reportedOn: v.reportedOn }) },
  check: { path: 'final-check', when: ['RECTIFYING'],
    fields: () => [
      field(t('field.passed'), select('passed', [['true', t('inspection.ledger.pass')], ['false', t('inspection.ledger.fail')]],
        'true', { id: 'ledger-passed' })),
      field(t('field.findings'), h('textarea', { name: 'findings', id: 'ledger-findings', rows: 3 })),
      dateInput('checkedOn')],
    body: (v) => ({ passed: v.passed === 'true', findings: v.findings, checkedOn: v.checkedOn }) }
};

function dateInput(name) {
  return field(t(`field.${name}`), h('input', { type: 'date', name, id: `ledger-${name}`, value: today() }));
}

function campaignOptions(target, campaigns, withAll) {
  const chosen = target.value;
  clear(target, withAll ? h('option', { value: '' }, t('common.allCampaigns')) : null,
    campaigns.map((c) => h('option', { value: c.id }, c.name ? `${c.name}（${c.id}）` : c.id)));
  if (chosen && campaigns.some((c) => c.id === chosen)) {
    target.value = chosen;
  } else if (!withAll && campaigns.length) {
    target.value = campaigns[campaigns.length - 1].id;
  }
}

export function render(main, user) {
  let left = false;
  const year = String(new Date().getFullYear());
  const evaluationYear = h('input', { type: 'number', name: 'year', id: 'evaluation-year', value: year, min: 2000, max: 2100 });
  const assessmentYear = h('input', { type: 'number', name: 'year', id: 'assessment-year', value: year, min: 2000, max: 2100 });
  let campaignList = [];
  /** This year, or the campaign's nearest year when it does not run this year: the services refuse other years. */
  const yearIn = (campaignId) => {
    const chosen = campaignList.find((c) => c.id === campaignId);
    if (!chosen || !chosen.startsOn || !chosen.endsOn) {
      return year;
    }
    return String(Math.min(Math.max(Number(year), Number(chosen.startsOn.slice(0, 4))), Number(chosen.endsOn.slice(0, 4))));
  };
  const townships = h('datalist', { id: 'inspection-townships' });
  const panels = {};
  const tabButtons = {};
  const tabBar = h('div', { class: 'tabs', role: 'tablist' });
  ['evaluation', 'assessment', 'ledger'].forEach((tab) => {
    tabButtons[tab] = h('button', { type: 'button', role: 'tab', dataset: { testid: `tab-${tab}` }, onclick: () => show(tab) },
      t(`inspection.tab.${tab}`));
    panels[tab] = h('div', { class: 'panel', role: 'tabpanel', hidden: true, dataset: { testid: `panel-${tab}` } });
    tabBar.append(tabButtons[tab]);
  });

  function show(tab) {
    Object.entries(panels).forEach(([name, panel]) => {
      panel.hidden = name !== tab;
      tabButtons[name].setAttribute('aria-selected', String(name === tab));
      tabButtons[name].classList.toggle('active', name === tab);
    });
    sessionStorage.setItem('campaign.inspection.tab', tab);
    if (tab === 'ledger') {
      loadLedger();
    } else if (tab === 'evaluation') {
      loadEvaluations();
    }
  }

  // ---------------------------------------------------------------- mass evaluations: open, answer over time, close

  const campaign = select('campaignId', [], '', { id: 'evaluation-campaign' });
  const assignments = h('div', {}, h('p', { class: 'loading' }, t('common.loading')));
  const openResult = h('div', { class: 'form-result', role: 'status', dataset: { testid: 'evaluation-opened' } });
  const methodChoices = h('div', { class: 'choices' }, METHODS.map((m) => h('label', {},
    h('input', { type: 'checkbox', name: 'methods', value: m, id: `evaluation-method-${m}`, checked: m === 'EVALUATION_MEETING' }),
    label('method', m))));

  const openForm = h('form', { class: 'card form', dataset: { testid: 'evaluation-form' }, novalidate: true },
    h('h2', {}, t('inspection.form')),
    h('p', { class: 'hint' }, t('inspection.hint')),
    h('div', { class: 'form-errors message error', role: 'alert', hidden: true, dataset: { testid: 'form-error' } }),
    field(t('field.campaignId'), campaign),
    h('div', { class: 'row' },
      field(t('field.year'), evaluationYear),
      field(t('inspection.evaluation.round'), h('input', { type: 'text', name: 'round', id: 'evaluation-round', maxlength: 32,
        placeholder: `${year}-R1` }))),
    field(t('field.organisationId'), h('input', { type: 'text', name: 'subjectId', id: 'evaluation-organisation', maxlength: 64 })),
    h('div', { class: 'field', dataset: { field: 'methods' } },
      h('span', { class: 'group-label' }, t('inspection.evaluation.methods')), methodChoices,
      h('small', { class: 'field-error', role: 'alert', hidden: true })),
    field(t('inspection.evaluation.openedOn'), h('input', { type: 'date', name: 'openedOn', id: 'evaluation-opened-on', value: today() })),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', dataset: { testid: 'evaluation-open' } },
      t('inspection.evaluation.open'))),
    openResult);

  openForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(openForm);
    clear(openResult);
    const v = formValues(openForm);
    const methods = [...openForm.querySelectorAll('input[name=methods]:checked')].map((box) => box.value);
    const submit = openForm.querySelector('[type=submit]');
    submit.disabled = true;
    try {
      const opened = await post('/api/evaluations', {
        campaignId: v.campaignId, year: v.year, round: v.round, subjectType: 'ORGANISATION', subjectId: v.subjectId,
        organisationId: v.subjectId, methods, openedOn: v.openedOn
      });
      clear(openResult, message('success', t('inspection.evaluation.opened', { id: opened.evaluationId })));
      Object.assign(evaluationFilters, { open: 'true', page: 0 });
      evaluationState.value = 'true';
      await loadEvaluations();
    } catch (error) {
      showFormErrors(openForm, error);
    } finally {
      submit.disabled = false;
    }
  });

  /**
   * The steps on an open evaluation: what each asks for, where it is sent, and with which of its methods (the
   * service lists those answered one by one, as ballots, and those counted together, as tallies).
   */
  const methodSelect = (offered, id) => select('method', offered.map((m) => [m, label('method', m)]), offered[0], { id });
  const EVALUATION_STEPS = {
    tally: { path: 'tallies', methods: (evaluation) => evaluation.tallyMethods,
      fields: (evaluation) => [
        field(t('field.methods'), methodSelect(evaluation.tallyMethods, 'tally-method')),
        h('div', { class: 'row three' }, ['satisfied', 'basicallySatisfied', 'dissatisfied'].map((name) =>
          field(t(`field.${name}`), h('input', { type: 'number', name, id: `tally-${name}`, min: 0, step: 1, value: '0' }))))],
      body: (v) => ({ method: v.method, satisfied: v.satisfied, basicallySatisfied: v.basicallySatisfied,
        dissatisfied: v.dissatisfied }) },
    ballot: { path: 'ballots', methods: (evaluation) => evaluation.ballotMethods,
      fields: (evaluation) => [
        field(t('field.respondentId'), h('input', { type: 'text', name: 'respondentId', id: 'ballot-respondent', maxlength: 100,
          autocomplete: 'off' }), t('inspection.evaluation.respondentHint')),
        h('div', { class: 'row' },
          field(t('field.methods'), methodSelect(evaluation.ballotMethods, 'ballot-method')),
          field(t('field.answer'), select('answer', ANSWERS.map((a) => [a, label('answer', a)]), 'SATISFIED', { id: 'ballot-answer' }))),
        field(t('inspection.evaluation.comment'), h('textarea', { name: 'comment', id: 'ballot-comment', rows: 3, maxlength: 2000 }))],
      body: (v) => ({ respondentId: v.respondentId, method: v.method, answer: v.answer, comment: v.comment }) },
    close: { path: 'closing',
      fields: () => [
        h('p', { class: 'hint' }, t('inspection.evaluation.closeHint')),
        field(t('field.closedOn'), h('input', { type: 'date', name: 'closedOn', id: 'evaluation-closed-on', value: today() }))],
      body: (v) => ({ closedOn: v.closedOn }) }
  };

  const evaluationFilters = { campaignId: '', open: 'true', page: 0 };
  const evaluationCampaign = select('campaignId', [['', t('common.allCampaigns')]], '', { id: 'evaluation-filter-campaign' });
  const evaluationState = select('open', [['true', t('inspection.evaluation.filter.open')],
    ['false', t('inspection.evaluation.filter.closed')], ['', t('common.all')]], 'true', { id: 'evaluation-filter-open' });
  const evaluationBody = h('tbody');
  const evaluationPager = h('div', { class: 'pager' });
  const evaluationMessage = h('div');
  const evaluationFilterForm = h('form', { class: 'toolbar inline', dataset: { testid: 'evaluation-filters' } },
    field(t('field.campaignId'), evaluationCampaign), field(t('inspection.evaluation.show'), evaluationState),
    h('div', { class: 'form-errors message error', role: 'alert', hidden: true }),
    h('button', { type: 'submit', class: 'ghost small' }, t('common.refresh')));
  const readEvaluationFilters = () => {
    Object.assign(evaluationFilters, { campaignId: evaluationCampaign.value, open: evaluationState.value, page: 0 });
    clear(evaluationMessage);
    loadEvaluations();
  };
  evaluationFilterForm.addEventListener('submit', (event) => { event.preventDefault(); readEvaluationFilters(); });
  [evaluationCampaign, evaluationState].forEach((control) => control.addEventListener('change', readEvaluationFilters));

  let evaluationRun = 0;

  async function loadEvaluations() {
    clearFormErrors(evaluationFilterForm);
    const run = ++evaluationRun;
    const shown = { ...evaluationFilters };
    try {
      const page = await get(`/api/evaluations${query({ campaignId: shown.campaignId, open: shown.open, page: shown.page,
        size: PAGE_SIZE })}`);
      if (left || run !== evaluationRun) {
        return;
      }
      drawEvaluations(page);
      Object.assign(evaluationList.dataset, { campaign: shown.campaignId, open: shown.open, loaded: String(run) });
    } catch (error) {
      if (!left && run === evaluationRun) {
        showFormErrors(evaluationFilterForm, error);
      }
    }
  }

  function drawEvaluations(page) {
    // open ones first; within each, the newest first as listed
    const items = [...(page.items || [])].sort((a, b) => Number(a.closed) - Number(b.closed));
    clear(evaluationBody, items.length === 0
      ? h('tr', {}, h('td', { colspan: 5, class: 'empty' }, t('inspection.evaluation.none')))
      : items.map((e) => h('tr', { dataset: { testid: 'evaluation-row', evaluationId: e.id, round: e.round || '',
        closed: String(e.closed), satisfied: String(e.satisfied), basicallySatisfied: String(e.basicallySatisfied),
        dissatisfied: String(e.dissatisfied) } },
      h('td', {}, h('strong', {}, e.organisationId), h('br'),
        h('small', {}, `${e.campaignId} · ${e.year} · ${e.round}`), h('br'),
        h('small', {}, `${e.townshipId || ''} · ${e.methods.map((m) => label('method', m)).join('、')}`)),
      h('td', { dataset: { testid: 'evaluation-counts' } },
        t('inspection.evaluation.counts', { satisfied: formatNumber(e.satisfied), basicallySatisfied: formatNumber(e.basicallySatisfied),
          dissatisfied: formatNumber(e.dissatisfied) }), h('br'),
        h('small', {}, t('inspection.evaluation.sources', { total: formatNumber(e.satisfied + e.basicallySatisfied + e.dissatisfied),
          ballots: formatNumber(e.ballots), tallies: formatNumber(e.tallies) }))),
      h('td', {}, e.closed
        ? [h('span', { class: 'status evaluation-closed' }, t('inspection.evaluation.closedOn', { date: e.closedOn })), h('br'),
          h('strong', { dataset: { testid: 'evaluation-rate' } }, t('inspection.evaluation.rate', { rate: formatPercent(e.satisfactionRate) }))]
        : h('span', { class: 'status evaluation-open' }, t('inspection.evaluation.openSince', { date: e.openedOn }))),
      h('td', { class: 'actions' }, e.closed ? null : Object.keys(EVALUATION_STEPS)
        .filter((step) => !EVALUATION_STEPS[step].methods || EVALUATION_STEPS[step].methods(e).length > 0).map((step) =>
        h('button', { type: 'button', class: step === 'close' ? 'small ghost' : 'small', dataset: { step },
          onclick: () => openEvaluationStep(e, step) }, t(`inspection.evaluation.step.${step}`)))))));
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    clear(evaluationPager,
      h('button', { type: 'button', class: 'ghost small', disabled: page.page === 0,
        onclick: () => { evaluationFilters.page -= 1; loadEvaluations(); } }, t('common.previous')),
      h('span', {}, t('common.pageOf', { page: page.page + 1, pages, total: formatNumber(page.total) })),
      h('button', { type: 'button', class: 'ghost small', disabled: page.page + 1 >= pages,
        onclick: () => { evaluationFilters.page += 1; loadEvaluations(); } }, t('common.next')));
  }

  const evaluationDialog = h('dialog', { class: 'action-dialog', dataset: { testid: 'evaluation-dialog' } });

  function openEvaluationStep(evaluation, step) {
    const spec = EVALUATION_STEPS[step];
    const label = t(`inspection.evaluation.step.${step}`);
    openStepDialog({
      dialog: evaluationDialog, messages: evaluationMessage,
      testids: { form: `evaluation-form-${step}`, submit: 'evaluation-submit', done: 'evaluation-done' },
      heading: `${label}：${evaluation.organisationId}（${evaluation.round}）`, fields: spec.fields(evaluation),
      submitLabel: label, done: t('action.done', { action: label }), reload: loadEvaluations,
      send: (values) => post(`/api/evaluations/${encodeURIComponent(evaluation.id)}/${spec.path}`, spec.body(values))
    });
  }

  const evaluationList = h('section', { class: 'card list', dataset: { testid: 'evaluation-list' } },
    h('div', { class: 'card-head' }, h('h2', {}, t('inspection.evaluation.list')), evaluationFilterForm),
    evaluationMessage,
    h('table', { class: 'table' },
      h('thead', {}, h('tr', {},
        h('th', {}, t('inspection.evaluation.col.subject')), h('th', {}, t('inspection.evaluation.col.counts')),
        h('th', {}, t('agency.col.status')), h('th', {}, t('agency.pledges.actions')))),
      evaluationBody),
    evaluationPager);

  panels.evaluation.append(h('div', { class: 'split' }, evaluationList,
    h('div', { class: 'stack' }, openForm, h('section', { class: 'card' }, h('h2', {}, t('review.assignments')), assignments))));

  // ---------------------------------------------------------------- year-end assessment

  const assessmentCampaign = select('campaignId', [], '', { id: 'assessment-campaign' });
  const schemeInfo = h('div', { class: 'scheme', dataset: { testid: 'assessment-scheme' } });
  const subjectType = select('subjectType', ['ORGANISATION', 'MEMBER'].map((s) => [s, label('subjectType', s)]), 'ORGANISATION',
    { id: 'assessment-subject-type' });
  const subjectId = h('input', { type: 'text', name: 'subjectId', id: 'assessment-subject', maxlength: 64 });
  const organisationId = h('input', { type: 'text', name: 'organisationId', id: 'assessment-organisation', maxlength: 64 });
  const fromEvaluations = h('input', { type: 'checkbox', name: 'fromEvaluations', id: 'assessment-from-evaluations' });
  const satisfaction = h('input', { type: 'number', name: 'publicSatisfaction', id: 'assessment-publicSatisfaction',
    min: 0, max: 100, step: 0.1 });
  const score = (name) => (name === 'publicSatisfaction' ? satisfaction
    : h('input', { type: 'number', name, id: `assessment-${name}`, min: 0, max: 100, step: 0.1 }));
  const checklist = h('fieldset', { class: 'checklist', dataset: { testid: 'assessment-checklist' } },
    h('legend', {}, t('inspection.assessment.checklist')),
    CHECKLIST.map((item) => h('div', { class: 'field checkbox' },
      h('input', { type: 'checkbox', name: `checklist.${item}`, id: `assessment-${item}` }),
      h('label', { for: `assessment-${item}` }, t(`checklist.${item}`)))));
  const assessmentResult = h('div', { class: 'form-result', role: 'status', dataset: { testid: 'assessment-result' } });

  function syncSubject() {
    const organisation = subjectType.value === 'ORGANISATION';
    checklist.hidden = !organisation;
    checklist.disabled = !organisation;
    organisationId.disabled = organisation;
    organisationId.closest('.field').hidden = organisation;
  }
  function syncSatisfaction() {
    satisfaction.disabled = fromEvaluations.checked;
    if (fromEvaluations.checked) {
      satisfaction.value = '';
    }
  }

  const assessmentForm = h('form', { class: 'card form', dataset: { testid: 'assessment-form' }, novalidate: true },
    h('h2', {}, t('inspection.assessment.form')),
    h('div', { class: 'form-errors message error', role: 'alert', hidden: true, dataset: { testid: 'form-error' } }),
    field(t('field.campaignId'), assessmentCampaign),
    schemeInfo,
    h('div', { class: 'row' },
      field(t('field.year'), assessmentYear),
      field(t('inspection.assessment.subjectType'), subjectType)),
    h('div', { class: 'row' },
      field(t('inspection.assessment.subject'), subjectId),
      field(t('field.townshipId'), h('input', { type: 'text', name: 'townshipId', id: 'assessment-township', list: 'inspection-townships' }))),
    field(t('inspection.assessment.memberOrganisation'), organisationId),
    h('div', { class: 'row' }, DIMENSIONS.slice(0, 2).map((d) => field(t(`field.${d}`), score(d)))),
    h('div', { class: 'row' }, field(t('field.publicSatisfaction'), satisfaction), field(t('field.socialReputation'), score('socialReputation'))),
    h('div', { class: 'field checkbox' }, fromEvaluations,
      h('label', { for: 'assessment-from-evaluations' }, t('inspection.assessment.fromEvaluations'))),
    checklist,
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', dataset: { testid: 'assessment-submit' } },
      t('inspection.assessment.submit'))),
    assessmentResult);

  subjectType.addEventListener('change', syncSubject);
  fromEvaluations.addEventListener('change', syncSatisfaction);
  assessmentCampaign.addEventListener('change', () => { assessmentYear.value = yearIn(assessmentCampaign.value); loadScheme(); });
  campaign.addEventListener('change', () => { evaluationYear.value = yearIn(campaign.value); });
  syncSubject();
  syncSatisfaction();

  async function loadScheme() {
    const id = assessmentCampaign.value;
    if (!id) {
      clear(schemeInfo);
      return;
    }
    try {
      const entry = await get(`/api/assessments/schemes/${encodeURIComponent(id)}`);
      const scheme = entry.scheme || {};
      const w = scheme.weights || {};
      clear(schemeInfo, h('p', { class: 'hint' }, t('inspection.assessment.scheme', {
        post: w.postCompetence, development: w.developmentContribution, satisfaction: w.publicSatisfaction,
        reputation: w.socialReputation, advanced: formatNumber(scheme.advancedThreshold, 1),
        lagging: formatNumber(scheme.laggingThreshold, 1) })));
    } catch (error) {
      clear(schemeInfo, error.status === 404 ? message('warning', t('inspection.assessment.noScheme')) : errorMessage(error));
    }
  }

  assessmentForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(assessmentForm);
    clear(assessmentResult);
    const v = formValues(assessmentForm);
    const organisation = v.subjectType === 'ORGANISATION';
    const body = {
      campaignId: v.campaignId, year: v.year, subjectType: v.subjectType, subjectId: v.subjectId,
      organisationId: organisation ? v.subjectId : v.organisationId, townshipId: v.townshipId,
      postCompetence: v.postCompetence, developmentContribution: v.developmentContribution,
      publicSatisfaction: v.fromEvaluations ? undefined : v.publicSatisfaction, socialReputation: v.socialReputation
    };
    if (organisation) {
      body.checklist = Object.fromEntries(CHECKLIST.map((item) => [item, Boolean(v[`checklist.${item}`])]));
    }
    const submit = assessmentForm.querySelector('[type=submit]');
    submit.disabled = true;
    try {
      const scored = await post('/api/assessments', body);
      let used = null;
      try {
        const details = await get(`/api/assessments/${encodeURIComponent(scored.assessmentId)}`);
        used = details.assessment && details.assessment.scores ? details.assessment.scores.publicSatisfaction : null;
      } catch (ignored) {
        // the outcome is shown without the satisfaction it used
      }
      clear(assessmentResult, h('div', { class: `message grade grade-${scored.grade}`, role: 'status',
        dataset: { testid: 'assessment-outcome', grade: scored.grade, total: String(scored.total) } },
      h('div', { class: 'grade-line' },
        h('span', {}, t('inspection.assessment.total')), h('strong', { class: 'grade-total' }, formatNumber(scored.total, 1)),
        h('span', {}, t('inspection.assessment.grade')), h('strong', { class: 'grade-name', dataset: { testid: 'assessment-grade' } },
          label('grade', scored.grade))),
      used !== null && used !== undefined ? h('div', {}, t(v.fromEvaluations ? 'inspection.assessment.satisfactionTaken'
        : 'inspection.assessment.satisfactionEntered', { value: formatNumber(used, 1) })) : null,
      h('div', { class: 'hint' }, t('inspection.assessment.id', { id: scored.assessmentId })),
      scored.ledgerId ? h('div', { dataset: { testid: 'assessment-ledger' } }, t('inspection.assessment.listed', { id: scored.ledgerId }), ' ',
        h('button', { type: 'button', class: 'link', onclick: () => {
          ledgerFilters.campaignId = v.campaignId || '';
          ledgerCampaign.value = ledgerFilters.campaignId;
          show('ledger');
        } }, t('inspection.assessment.toLedger'))) : null));
    } catch (error) {
      showFormErrors(assessmentForm, error);
    } finally {
      submit.disabled = false;
    }
  });

  panels.assessment.append(h('div', { class: 'split' }, assessmentForm,
    h('section', { class: 'card' }, h('h2', {}, t('inspection.assessment.about')),
      h('p', {}, t('inspection.assessment.aboutText')))));

  // ---------------------------------------------------------------- the ledger of lagging units

  const ledgerFilters = { campaignId: '', year: '', townshipId: '', status: '', page: 0 };
  const ledgerCampaign = select('campaignId', [['', t('common.allCampaigns')]], '', { id: 'ledger-filter-campaign' });
  const ledgerYear = h('input', { type: 'number', name: 'year', id: 'ledger-filter-year', min: 2000, max: 2100 });
  const ledgerTownship = h('input', { type: 'text', name: 'townshipId', id: 'ledger-filter-township', list: 'inspection-townships' });
  const ledgerStatus = select('status', [['', t('common.all')], ...LEDGER_STATUSES.map((s) => [s, label('ledgerStatus', s)])], '',
    { id: 'ledger-filter-status' });
  const ledgerBody = h('tbody');
  const ledgerPager = h('div', { class: 'pager' });
  const ledgerMessage = h('div');
  const ledgerFilterForm = h('form', { class: 'toolbar inline', dataset: { testid: 'ledger-filters' } },
    field(t('field.campaignId'), ledgerCampaign), field(t('field.year'), ledgerYear),
    field(t('field.townshipId'), ledgerTownship), field(t('agency.col.status'), ledgerStatus),
    h('div', { class: 'form-errors message error', role: 'alert', hidden: true }),
    h('button', { type: 'submit', class: 'ghost small' }, t('common.refresh')));
  const readFilters = () => {
    Object.assign(ledgerFilters, { campaignId: ledgerCampaign.value, year: ledgerYear.value.trim(),
      townshipId: ledgerTownship.value.trim(), status: ledgerStatus.value, page: 0 });
    loadLedger();
  };
  ledgerFilterForm.addEventListener('submit', (event) => { event.preventDefault(); readFilters(); });
  [ledgerCampaign, ledgerYear, ledgerTownship, ledgerStatus].forEach((control) => control.addEventListener('change', readFilters));

  let ledgerRun = 0;

  async function loadLedger() {
    clearFormErrors(ledgerFilterForm);
    const run = ++ledgerRun;
    const shown = { ...ledgerFilters };
    try {
      const page = await get(`/api/rectifications${query({ campaignId: shown.campaignId, year: shown.year,
        townshipId: shown.townshipId, status: shown.status, page: shown.page, size: PAGE_SIZE })}`);
      if (left || run !== ledgerRun) {
        return;
      }
      drawLedger(page);
      Object.assign(ledgerList.dataset, { campaign: shown.campaignId, status: shown.status, townshipId: shown.townshipId,
        year: shown.year });
    } catch (error) {
      if (!left && run === ledgerRun) {
        showFormErrors(ledgerFilterForm, error);
      }
    }
  }

  function drawLedger(page) {
    const items = page.items || [];
    clear(ledgerBody, items.length === 0
      ? h('tr', {}, h('td', { colspan: 7, class: 'empty' }, t('inspection.ledger.none')))
      : items.map((u) => h('tr', { dataset: { testid: 'ledger-row', ledgerId: u.id, status: u.status, organisationId: u.organisationId } },
        h('td', {}, h('strong', {}, u.organisationId), h('br'), h('small', {}, `${u.campaignId} · ${u.year}`)),
        h('td', {}, u.townshipId),
        h('td', { class: 'num' }, formatNumber(u.total, 1)),
        h('td', {}, h('span', { class: `status ledger-${u.status}`, dataset: { testid: 'ledger-status' } }, label('ledgerStatus', u.status)),
          u.failedChecks ? h('small', { class: 'failed' }, h('br'), t('ledger.failedChecks', { count: u.failedChecks })) : null,
          u.clearedOn ? h('small', {}, h('br'), t('inspection.ledger.clearedOn', { date: u.clearedOn })) : null),
        h('td', {}, u.leaderId || '–'),
        h('td', { class: 'ledger-work' },
          (u.measures || []).length ? h('ul', { class: 'measures' }, u.measures.map((m) => h('li', {}, m))) : null,
          u.dueOn ? h('small', {}, t('inspection.ledger.dueOn', { date: u.dueOn })) : null,
          u.progressReports ? h('div', {}, h('small', {}, t('inspection.ledger.progressCount', { count: u.progressReports })),
            u.lastProgress ? h('div', {}, u.lastProgress) : null) : null,
          u.lastFindings ? h('div', { class: 'findings' }, h('small', {}, t('inspection.ledger.lastFindings')), ' ', u.lastFindings) : null),
        h('td', { class: 'actions' }, Object.entries(LEDGER_STEPS).filter(([, step]) => step.when.includes(u.status))
          .map(([step]) => h('button', { type: 'button', class: 'small', dataset: { step }, onclick: () => openStep(u, step) },
            t(`inspection.ledger.step.${step}`)))))));
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    clear(ledgerPager,
      h('button', { type: 'button', class: 'ghost small', disabled: page.page === 0,
        onclick: () => { ledgerFilters.page -= 1; loadLedger(); } }, t('common.previous')),
      h('span', {}, t('common.pageOf', { page: page.page + 1, pages, total: formatNumber(page.total) })),
      h('button', { type: 'button', class: 'ghost small', disabled: page.page + 1 >= pages,
        onclick: () => { ledgerFilters.page += 1; loadLedger(); } }, t('common.next')));
  }

  const dialog = h('dialog', { class: 'action-dialog', dataset: { testid: 'ledger-dialog' } });

  function openStep(unit, step) {
    const spec = LEDGER_STEPS[step];
    const label = t(`inspection.ledger.step.${step}`);
    openStepDialog({
      dialog, messages: ledgerMessage,
      testids: { form: `ledger-form-${step}`, submit: 'ledger-submit', done: 'ledger-done' },
      heading: `${label}：${unit.organisationId}`, fields: spec.fields(unit),
      submitLabel: label, done: t('action.done', { action: label }), reload: loadLedger,
      send: (values) => post(`/api/rectifications/${encodeURIComponent(unit.id)}/${spec.path}`, spec.body(values))
    });
  }

  const ledgerList = h('section', { class: 'card list', dataset: { testid: 'ledger-list' } },
    h('div', { class: 'card-head' }, h('h2', {}, t('inspection.ledger.title')), ledgerFilterForm),
    ledgerMessage,
    h('table', { class: 'table' },
      h('thead', {}, h('tr', {},
        h('th', {}, t('inspection.ledger.col.unit')), h('th', {}, t('field.townshipId')),
        h('th', { class: 'num' }, t('inspection.ledger.col.total')), h('th', {}, t('agency.col.status')),
        h('th', {}, t('field.leaderId')), h('th', {}, t('inspection.ledger.col.work')),
        h('th', {}, t('agency.pledges.actions')))),
      ledgerBody),
    ledgerPager);
  panels.ledger.append(ledgerList);

  // ---------------------------------------------------------------- start

  clear(main, h('section', { class: 'workspace', dataset: { testid: 'inspection-workspace' } },
    h('div', { class: 'view-head' }, h('h1', {}, t('inspection.title'))),
    tabBar, Object.values(panels), dialog, evaluationDialog, townships));

  Promise.allSettled([get('/api/campaigns'), get(`/api/assignments${query({ reviewerId: user.id, size: 200 })}`)])
    .then(([campaigns, mine]) => {
      if (left) {
        return;
      }
      if (campaigns.status === 'fulfilled') {
        const list = campaigns.value || [];
        campaignList = list;
        campaignOptions(campaign, list, false);
        campaignOptions(evaluationCampaign, list, true);
        campaignOptions(assessmentCampaign, list, false);
        campaignOptions(ledgerCampaign, list, true);
        evaluationYear.value = yearIn(campaign.value);
        assessmentYear.value = yearIn(assessmentCampaign.value);
        loadScheme();
      }
      if (mine.status === 'rejected') {
        clear(assignments, errorMessage(mine.reason));
        return;
      }
      const items = (mine.value.items || []).filter((a) => a.active !== false);
      clear(townships, [...new Set(items.flatMap((a) => a.townshipIds || []))].map((id) => h('option', { value: id })));
      clear(assignments, items.length === 0 ? h('p', { class: 'empty' }, t('review.noAssignments'))
        : h('ul', { class: 'plain' }, items.map((a) => h('li', {}, h('strong', {}, a.campaignId), ' · ',
          (a.townshipIds || []).length ? t('review.assignedTownships', { ids: a.townshipIds.join('、') }) : '',
          (a.organisationIds || []).length ? ` ${t('review.assignedOrgs', { ids: a.organisationIds.join('、') })}` : ''))));
    });

  show(sessionStorage.getItem('campaign.inspection.tab') || 'evaluation');

  return () => {
    left = true;
    [dialog, evaluationDialog].forEach((shown) => {
      if (shown.open) {
        shown.close();
      }
    });
  };
}

