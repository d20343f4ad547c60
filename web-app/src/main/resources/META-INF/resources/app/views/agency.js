// The agency's workspace (AGENCY_STAFF): its organisations and members, its pledges with their lifecycle
// actions, a form to record a pledge, CSV import and export, and the leadership reviews of its organisations with
// the rectification statement and completion report they ask for. The services decide what is allowed; their
// refusals are shown beside the form that caused them.
import { get, post, request, download, query } from '../api.js';
import { t, label, formatNumber, formatDateTime, SECTORS } from '../i18n.js';
import { h, clear, select, field, formValues, today, message } from '../dom.js';
import { errorMessage, showFormErrors, clearFormErrors } from '../errors.js';
import { openStepDialog } from '../dialogs.js';

const STATUSES = ['MADE', 'SENT_BACK', 'REVISED', 'APPROVED', 'PUBLISHED', 'FULFILLED', 'LAPSED', 'WITHDRAWN'];
const ORG_KINDS = ['PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'];
const CATEGORIES = ['FARMER', 'GOVERNMENT_STAFF', 'COMMUNITY_RESIDENT', 'ENTERPRISE_STAFF', 'RETIRED', 'NO_POST'];
const KINDS = ['PRACTICAL_DEED', 'WORK'];
const FOCUSES = ['CENTRAL_WORK', 'OWN_SITUATION', 'PUBLIC_WISHES'];
const CHANNELS = ['NOTICE_BOARD', 'MEETING', 'MEDIA'];
const PAGE_SIZE = 20;
/** The review list's filter: its value is the rectificationStatus parameter sent (several statuses comma-separated). */
const REVIEW_FILTERS = [['', 'agency.reviews.filter.all'], ['REQUIRED,REOPENED', 'agency.reviews.filter.awaitingStatement'],
  ['COMMITTED', 'agency.reviews.filter.awaitingCompletion'], ['COMPLETED', 'agency.reviews.filter.awaitingCheck'],
  ['ACCEPTED', 'agency.reviews.filter.accepted'], ['NOT_REQUIRED', 'agency.reviews.filter.notRequired']];

/** The agency's answers to a review's rectification, by the status that allows them. */
const REVIEW_ANSWERS = {
  commit: { path: 'commitment', statuses: ['REQUIRED', 'REOPENED'],
    fields: () => [textArea('statement', { maxlength: 4000 }), dateField('committedOn')],
    body: (v) => ({ statement: v.statement, committedOn: v.committedOn }) },
  complete: { path: 'completion', statuses: ['COMMITTED'],
    fields: () => [textArea('report', { maxlength: 4000 }), dateField('completedOn')],
    body: (v) => ({ report: v.report, completedOn: v.completedOn }) }
};

/** What each action asks for and where it is sent. */
const ACTIONS = {
  approve: { path: 'approval', fields: () => [dateField('approvedOn')], body: (v) => ({ approvedOn: v.approvedOn }) },
  sendBack: { path: 'send-back', fields: () => [textArea('reasons')],
    body: (v) => ({ reasons: (v.reasons || '').split(/\n+/).map((r) => r.trim()).filter(Boolean) }) },
  publish: { path: 'publication',
    fields: () => [field(t('field.channel'), select('channel', CHANNELS.map((c) => [c, label('channel', c)]), 'NOTICE_BOARD')), dateField('publishedOn')],
    body: (v) => ({ channel: v.channel, publishedOn: v.publishedOn }) },
  progress: { path: 'progress',
    fields: () => [field(t('field.achievedQuantity'), h('input', { type: 'number', name: 'achievedQuantity', min: 0, step: 'any' })),
      textArea('note'), dateField('reportedOn')],
    body: (v) => ({ achievedQuantity: v.achievedQuantity, note: v.note, reportedOn: v.reportedOn }) },
  fulfil: { path: 'fulfilment', fields: () => [dateField('fulfilledOn'), textArea('evidence')],
    body: (v) => ({ fulfilledOn: v.fulfilledOn, evidence: v.evidence }) },
  withdraw: { path: 'withdrawal', fields: () => [textArea('reason')], body: (v) => ({ reason: v.reason }) },
  revise: { path: 'revision', wide: true,
    fields: (p) => [
      h('div', { class: 'sent-back-reasons', dataset: { testid: 'sent-back-reasons' } }),
      h('div', { class: 'row' },
        field(t('field.kind'), select('kind', options(KINDS, 'pledgeKind'), p.kind, { id: 'revise-kind' })),
        field(t('field.focus'), select('focus', options(FOCUSES, 'focus'), p.focus, { id: 'revise-focus' }))),
      field(t('field.title'), h('textarea', { name: 'title', id: 'revise-title', rows: 3, maxlength: 500, value: p.title || '' })),
      h('div', { class: 'row' },
        field(`${t('field.target.quantity')} ${t('common.optional')}`, h('input', { type: 'number', name: 'target.quantity',
          id: 'revise-quantity', min: 0, step: 'any', value: p.target ? String(p.target.quantity) : '' })),
        field(`${t('field.target.unit')} ${t('common.optional')}`, h('input', { type: 'text', name: 'target.unit',
          id: 'revise-unit', maxlength: 50, value: p.target ? p.target.unit : '' }))),
      field(t('field.deadline'), h('input', { type: 'date', name: 'deadline', id: 'revise-deadline', value: p.deadline || '' }))],
    body: (v) => {
      const body = { kind: v.kind, focus: v.focus, title: v.title, deadline: v.deadline };
      if (v['target.quantity'] !== undefined || v['target.unit'] !== undefined) {
        body.target = { quantity: v['target.quantity'], unit: v['target.unit'] };
      }
      return body;
    },
    /** Shows why the superior sent the pledge back: the reasons of the latest send-back in its timeline. */
    prepare: async (p, form) => {
      const slot = form.querySelector('.sent-back-reasons');
      try {
        const details = await get(`/api/pledges/${encodeURIComponent(p.id)}`);
        const sentBack = (details.timeline || []).filter((e) => e.type === 'PledgeSentBack').pop();
        const reasons = (sentBack && sentBack.details && sentBack.details.reasons) || [];
        if (reasons.length) {
          clear(slot, h('div', { class: 'message warning' }, h('strong', {}, t('agency.revise.reasons')),
            h('ul', {}, reasons.map((r) => h('li', {}, r)))));
        }
      } catch (error) {
        clear(slot, errorMessage(error));
      }
    } }
};

const ACTIONS_BY_STATUS = {
  MADE: ['approve', 'sendBack', 'withdraw'],
  REVISED: ['approve', 'sendBack', 'withdraw'],
  SENT_BACK: ['revise', 'withdraw'],
  APPROVED: ['publish', 'progress', 'fulfil', 'withdraw'],
  PUBLISHED: ['progress', 'fulfil', 'withdraw']
};

const IMPORT_COLUMNS = {
  pledges: 'campaignId, pledgerType, pledgerId, kind, focus, title, deadline (pledgeId, targetQuantity, targetUnit, oral)',
  organisations: 'organisationId, name, kind, sector, parentId, townshipId (agency)',
  members: 'memberId, name, organisationId, category'
};

function dateField(name) {
  return field(t(`field.${name}`), h('input', { type: 'date', name, value: today(), required: true }));
}

function textArea(name, attributes = {}) {
  return field(t(`field.${name}`), h('textarea', { name, rows: 3, ...attributes }));
}

function options(values, group, withAll) {
  const list = values.map((v) => [v, label(group, v)]);
  return withAll ? [['', t('common.all')], ...list] : list;
}

function statusBadge(status) {
  return h('span', { class: `status status-${status}`, dataset: { status } }, label('status', status));
}

export function render(main, user) {
  const agencyId = user.agency;
  const data = { campaigns: [], organisations: [], members: [] };
  const filters = { campaignId: '', status: '', page: 0 };
  let left = false;

  const title = h('h1', { dataset: { testid: 'agency-title' } }, t('agency.title', { agency: agencyId }));
  const panels = {};
  const tabButtons = {};
  const tabBar = h('div', { class: 'tabs', role: 'tablist' });
  ['pledges', 'reviews', 'organisations', 'members', 'transfer'].forEach((tab) => {
    tabButtons[tab] = h('button', { type: 'button', role: 'tab', dataset: { testid: `tab-${tab}` }, onclick: () => show(tab) },
      t(`agency.tab.${tab}`));
    panels[tab] = h('div', { class: 'panel', role: 'tabpanel', hidden: true, dataset: { testid: `panel-${tab}` } });
    tabBar.append(tabButtons[tab]);
  });
  const notice = h('div', { class: 'notices' });
  clear(main, h('section', { class: 'workspace', dataset: { testid: 'agency-workspace', agency: agencyId } },
    h('div', { class: 'view-head' }, title), notice, tabBar, Object.values(panels)));

  function show(tab) {
    Object.entries(panels).forEach(([name, panel]) => {
      panel.hidden = name !== tab;
      tabButtons[name].setAttribute('aria-selected', String(name === tab));
      tabButtons[name].classList.toggle('active', name === tab);
    });
    sessionStorage.setItem('campaign.agency.tab', tab);
    if (tab === 'transfer') {
      loadRecentImports();
    }
  }

  // ---------------------------------------------------------------- reference data

  async function loadReferenceData() {
    const [campaigns, organisations, members] = await Promise.allSettled([
      get('/api/campaigns'),
      get('/api/organisations?size=500'),
      get('/api/members?size=500')
    ]);
    if (left) {
      return;
    }
    data.campaigns = campaigns.status === 'fulfilled' ? campaigns.value || [] : [];
    data.organisations = organisations.status === 'fulfilled' ? organisations.value.items || [] : [];
    data.members = members.status === 'fulfilled' ? members.value.items || [] : [];
    const failed = [campaigns, organisations, members].find((r) => r.status === 'rejected');
    clear(notice, failed ? errorMessage(failed.reason) : null);
    const own = data.organisations.find((o) => o.id === agencyId);
    title.textContent = t('agency.title', { agency: own ? own.name : agencyId });
  }

  function organisationName(id) {
    const organisation = data.organisations.find((o) => o.id === id);
    return organisation ? organisation.name : id;
  }

  function pledgerName(pledge) {
    if (pledge.pledgerType === 'MEMBER') {
      const member = data.members.find((m) => m.id === pledge.pledgerId);
      return `${member ? member.name : pledge.pledgerId}（${organisationName(pledge.organisationId)}）`;
    }
    return organisationName(pledge.pledgerId);
  }

  // ---------------------------------------------------------------- pledges

  const listBody = h('tbody');
  const pager = h('div', { class: 'pager' });
  const listMessage = h('div');
  const campaignFilter = select('campaignId', [['', t('common.allCampaigns')]], '', { id: 'filter-campaign' });
  const statusFilter = select('status', options(STATUSES, 'status', true), '', { id: 'filter-status' });
  campaignFilter.addEventListener('change', () => { filters.campaignId = campaignFilter.value; filters.page = 0; loadPledges(); });
  statusFilter.addEventListener('change', () => { filters.status = statusFilter.value; filters.page = 0; loadPledges(); });

  let pledgesRun = 0;

  /** Loads the page the filters ask for; an answer overtaken by a later request is dropped. */
  async function loadPledges() {
    const run = ++pledgesRun;
    const shown = { ...filters };
    try {
      const page = await get(`/api/pledges${query({ campaignId: shown.campaignId, status: shown.status, page: shown.page, size: PAGE_SIZE })}`);
      if (left || run !== pledgesRun) {
        return;
      }
      clear(listMessage);
      drawPledges(page);
      Object.assign(listBody.dataset, { campaign: shown.campaignId, status: shown.status, page: String(shown.page) });
    } catch (error) {
      if (!left && run === pledgesRun) {
        clear(listMessage, errorMessage(error));
      }
    }
  }

  function drawPledges(page) {
    clear(listBody, page.items.length === 0
      ? h('tr', {}, h('td', { colspan: 7, class: 'empty' }, t('agency.pledges.none')))
      : page.items.map((p) => h('tr', { dataset: { testid: 'pledge-row', pledgeId: p.id, status: p.status } },
        h('td', { class: 'pledge-title' }, p.title, p.oral ? h('small', { class: 'tag' }, t('field.oral').split(/[（(]/)[0]) : null),
        h('td', {}, pledgerName(p)),
        h('td', {}, label('pledgeKind', p.kind), h('br'), h('small', {}, label('focus', p.focus))),
        h('td', {}, p.target ? `${formatNumber(p.target.quantity)} ${p.target.unit}` : '–',
          p.achievedQuantity !== null && p.achievedQuantity !== undefined && p.target
            ? h('small', { class: 'achieved' }, ` → ${formatNumber(p.achievedQuantity)}`) : null),
        h('td', {}, p.deadline),
        h('td', {}, statusBadge(p.status)),
        h('td', { class: 'actions' }, (ACTIONS_BY_STATUS[p.status] || []).map((action) => h('button', {
          type: 'button', class: 'small', dataset: { action }, onclick: () => openAction(p, action)
        }, t(`action.${action}`)))))));
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    clear(pager,
      h('button', { type: 'button', class: 'ghost small', disabled: page.page === 0,
        onclick: () => { filters.page -= 1; loadPledges(); } }, t('common.previous')),
      h('span', {}, t('common.pageOf', { page: page.page + 1, pages, total: formatNumber(page.total) })),
      h('button', { type: 'button', class: 'ghost small', disabled: page.page + 1 >= pages,
        onclick: () => { filters.page += 1; loadPledges(); } }, t('common.next')));
  }

  const dialog = h('dialog', { class: 'action-dialog', dataset: { testid: 'action-dialog' } });
  main.append(dialog);

  function openAction(pledge, action) {
    const spec = ACTIONS[action];
    const label = t(`action.${action}`);
    const form = openStepDialog({
      dialog, messages: listMessage, validate: true, wide: Boolean(spec.wide),
      testids: { form: `action-form-${action}`, submit: 'action-submit', done: 'action-done' },
      heading: `${label}：${pledge.title}`, fields: spec.fields(pledge), submitLabel: label,
      send: (values) => request(`/api/pledges/${encodeURIComponent(pledge.id)}/${spec.path}`, {
        method: 'POST', body: spec.body(values), headers: { 'If-Match': `"${pledge.version}"` }
      }),
      reload: loadPledges, done: t('action.done', { action: label })
    });
    if (spec.prepare) {
      spec.prepare(pledge, form);
    }
  }

  const pledgerSelect = select('pledger.id', [], '', { id: 'pledge-pledger', required: true });
  const pledgerType = select('pledger.type', options(['ORGANISATION', 'MEMBER'], 'pledgerType'), 'ORGANISATION', { id: 'pledge-pledger-type' });
  const oralBox = h('input', { type: 'checkbox', name: 'oral', id: 'pledge-oral' });
  const pledgeCampaign = select('campaignId', [], '', { id: 'pledge-campaign', required: true });

  function fillPledgers() {
    const list = pledgerType.value === 'MEMBER'
      ? data.members.filter((m) => m.active !== false).map((m) => [m.id, `${m.name}（${organisationName(m.organisationId)}）`])
      : data.organisations.filter((o) => o.active !== false).map((o) => [o.id, `${o.name}（${o.id}）`]);
    clear(pledgerSelect, h('option', { value: '' }, '—'), list.map(([value, text]) => h('option', { value }, text)));
    oralBox.disabled = pledgerType.value !== 'MEMBER';
    if (oralBox.disabled) {
      oralBox.checked = false;
    }
  }
  pledgerType.addEventListener('change', fillPledgers);

  const pledgeForm = h('form', { class: 'card form', dataset: { testid: 'pledge-form' }, novalidate: true },
    h('h2', {}, t('agency.pledges.new')),
    h('div', { class: 'form-errors message error', role: 'alert', hidden: true, dataset: { testid: 'form-error' } }),
    field(t('field.campaignId'), pledgeCampaign),
    h('div', { class: 'row' }, field(t('field.pledgerType'), pledgerType), field(t('field.pledger'), pledgerSelect)),
    h('div', { class: 'row' },
      field(t('field.kind'), select('kind', options(KINDS, 'pledgeKind'), 'PRACTICAL_DEED', { id: 'pledge-kind' })),
      field(t('field.focus'), select('focus', options(FOCUSES, 'focus'), 'PUBLIC_WISHES', { id: 'pledge-focus' }))),
    field(t('field.title'), h('textarea', { name: 'title', id: 'pledge-title', rows: 2, maxlength: 500 })),
    h('div', { class: 'row' },
      field(`${t('field.target.quantity')} ${t('common.optional')}`, h('input', { type: 'number', name: 'target.quantity', id: 'pledge-quantity', min: 0, step: 'any' })),
      field(`${t('field.target.unit')} ${t('common.optional')}`, h('input', { type: 'text', name: 'target.unit', id: 'pledge-unit', maxlength: 50 }))),
    field(t('field.deadline'), h('input', { type: 'date', name: 'deadline', id: 'pledge-deadline' })),
    h('div', { class: 'field checkbox' }, oralBox, h('label', { for: 'pledge-oral' }, t('field.oral'))),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', dataset: { testid: 'pledge-submit' } }, t('common.submit'))),
    h('div', { class: 'form-result', role: 'status' }));

  pledgeForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(pledgeForm);
    const v = formValues(pledgeForm);
    const body = {
      campaignId: v.campaignId,
      pledger: { type: v['pledger.type'], id: v['pledger.id'] },
      kind: v.kind,
      focus: v.focus,
      title: v.title,
      deadline: v.deadline,
      oral: Boolean(v.oral)
    };
    if (v['target.quantity'] !== undefined || v['target.unit'] !== undefined) {
      body.target = { quantity: v['target.quantity'], unit: v['target.unit'] };
    }
    const submit = pledgeForm.querySelector('[type=submit]');
    submit.disabled = true;
    const result = pledgeForm.querySelector('.form-result');
    clear(result);
    try {
      await post('/api/pledges', body);
      pledgeForm.querySelector('[name=title]').value = '';
      pledgeForm.querySelector('[name="target.quantity"]').value = '';
      pledgeForm.querySelector('[name="target.unit"]').value = '';
      clear(result, message('success', t('agency.pledges.made'), { dataset: { testid: 'pledge-made' } }));
      filters.page = 0;
      loadPledges();
    } catch (error) {
      showFormErrors(pledgeForm, error);
    } finally {
      submit.disabled = false;
    }
  });

  panels.pledges.append(h('div', { class: 'split' },
    h('section', { class: 'card list', dataset: { testid: 'pledge-list' } },
      h('div', { class: 'card-head' }, h('h2', {}, t('agency.pledges.list')),
        h('form', { class: 'toolbar inline', onsubmit: (e) => e.preventDefault() },
          field(t('field.campaignId'), campaignFilter), field(t('agency.pledges.filterStatus'), statusFilter),
          h('button', { type: 'button', class: 'ghost small', onclick: () => loadPledges() }, t('common.refresh')))),
      listMessage,
      h('table', { class: 'table' },
        h('thead', {}, h('tr', {}, h('th', {}, t('agency.col.title')), h('th', {}, t('agency.col.pledger')),
          h('th', {}, t('agency.col.kind')), h('th', {}, t('agency.col.target')), h('th', {}, t('agency.col.deadline')),
          h('th', {}, t('agency.col.status')), h('th', {}, t('agency.pledges.actions')))),
        listBody),
      pager),
    pledgeForm));

  // ---------------------------------------------------------------- organisations and members

  const orgBody = h('tbody');
  const memberBody = h('tbody');

  function drawRoster() {
    clear(orgBody, data.organisations.length === 0
      ? h('tr', {}, h('td', { colspan: 6, class: 'empty' }, t('agency.orgs.none')))
      : data.organisations.map((o) => h('tr', { dataset: { testid: 'org-row', id: o.id } },
        h('td', {}, o.id), h('td', {}, o.name), h('td', {}, label('orgKind', o.kind)), h('td', {}, label('sector', o.sector)),
        h('td', {}, o.parentId ? organisationName(o.parentId) : '–'), h('td', {}, o.active === false ? t('common.no') : t('common.yes')))));
    clear(memberBody, data.members.length === 0
      ? h('tr', {}, h('td', { colspan: 5, class: 'empty' }, t('agency.members.none')))
      : data.members.map((m) => h('tr', { dataset: { testid: 'member-row', id: m.id } },
        h('td', {}, m.id), h('td', {}, m.name), h('td', {}, organisationName(m.organisationId)),
        h('td', {}, label('category', m.category)), h('td', {}, m.active === false ? t('common.no') : t('common.yes')))));
  }

  const orgParent = select('parentId', [], agencyId, { id: 'org-parent' });
  const orgTownship = h('input', { type: 'text', name: 'townshipId', id: 'org-township', value: agencyId });
  const orgForm = h('form', { class: 'card form', dataset: { testid: 'org-form' }, novalidate: true },
    h('h2', {}, t('agency.orgs.register')),
    h('div', { class: 'form-errors message error', role: 'alert', hidden: true }),
    field(t('agency.col.id'), h('input', { type: 'text', name: 'organisationId', maxlength: 64 })),
    field(t('field.name'), h('input', { type: 'text', name: 'name', maxlength: 200 })),
    h('div', { class: 'row' }, field(t('agency.col.orgKind'), select('kind', options(ORG_KINDS, 'orgKind'), 'BRANCH', { id: 'org-kind' })),
      field(t('field.sector'), select('sector', options(SECTORS, 'sector'), 'RURAL_VILLAGE', { id: 'org-sector' }))),
    field(t('field.parentId'), orgParent),
    field(t('field.townshipId'), orgTownship),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('common.submit'))),
    h('div', { class: 'form-result', role: 'status' }));
  orgForm.addEventListener('submit', (event) => submitRoster(event, orgForm, '/api/organisations',
    (v) => ({ organisationId: v.organisationId, name: v.name, kind: v.kind, sector: v.sector, parentId: v.parentId, townshipId: v.townshipId, agency: false }),
    t('agency.orgs.registered')));

  const memberOrg = select('organisationId', [], '', { id: 'member-org' });
  const memberForm = h('form', { class: 'card form', dataset: { testid: 'member-form' }, novalidate: true },
    h('h2', {}, t('agency.members.enrol')),
    h('div', { class: 'form-errors message error', role: 'alert', hidden: true }),
    field(t('field.memberId'), h('input', { type: 'text', name: 'memberId', maxlength: 64 })),
    field(t('field.memberName'), h('input', { type: 'text', name: 'name', maxlength: 100 })),
    field(t('field.organisationId'), memberOrg),
    field(t('field.category'), select('category', options(CATEGORIES, 'category'), 'FARMER', { id: 'member-category' })),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('common.submit'))),
    h('div', { class: 'form-result', role: 'status' }));
  memberForm.addEventListener('submit', (event) => submitRoster(event, memberForm, '/api/members',
    (v) => ({ memberId: v.memberId, name: v.name, organisationId: v.organisationId, category: v.category }),
    t('agency.members.enrolled')));

  async function submitRoster(event, form, path, body, done) {
    event.preventDefault();
    clearFormErrors(form);
    const result = form.querySelector('.form-result');
    clear(result);
    try {
      await post(path, body(formValues(form)));
      form.querySelectorAll('input[type=text]').forEach((input) => { if (input !== orgTownship) input.value = ''; });
      clear(result, message('success', done));
      await refreshReferenceData();
    } catch (error) {
      showFormErrors(form, error);
    }
  }

  panels.organisations.append(h('div', { class: 'split' },
    h('section', { class: 'card list' }, h('h2', {}, t('agency.orgs.list')),
      h('table', { class: 'table', dataset: { testid: 'org-list' } },
        h('thead', {}, h('tr', {}, h('th', {}, t('agency.col.id')), h('th', {}, t('agency.col.name')), h('th', {}, t('agency.col.orgKind')),
          h('th', {}, t('agency.col.sector')), h('th', {}, t('agency.col.parent')), h('th', {}, t('agency.col.active')))),
        orgBody)),
    orgForm));
  panels.members.append(h('div', { class: 'split' },
    h('section', { class: 'card list' }, h('h2', {}, t('agency.members.list')),
      h('table', { class: 'table', dataset: { testid: 'member-list' } },
        h('thead', {}, h('tr', {}, h('th', {}, t('agency.col.id')), h('th', {}, t('agency.col.memberName')),
          h('th', {}, t('agency.col.organisation')), h('th', {}, t('agency.col.category')), h('th', {}, t('agency.col.active')))),
        memberBody)),
    memberForm));

  // ---------------------------------------------------------------- import and export

  const importKind = select('kind', ['pledges', 'organisations', 'members'].map((k) => [k, t(`importKind.${k}`)]), 'pledges', { id: 'import-kind' });
  const columnsHint = h('small', { class: 'hint' });
  const updateColumns = () => { columnsHint.textContent = t('agency.import.columns', { columns: IMPORT_COLUMNS[importKind.value] }); };
  importKind.addEventListener('change', updateColumns);
  updateColumns();
  const importResult = h('div', { class: 'import-result', dataset: { testid: 'import-result' } });
  const importForm = h('form', { class: 'card form', dataset: { testid: 'import-form' } },
    h('h2', {}, t('agency.import.title')),
    h('div', { class: 'form-errors message error', role: 'alert', hidden: true }),
    field(t('agency.import.kind'), importKind), columnsHint,
    field(t('agency.import.file'), h('input', { type: 'file', name: 'file', accept: '.csv,text/csv', id: 'import-file' })),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', dataset: { testid: 'import-submit' } }, t('agency.import.start'))),
    importResult);

  importForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(importForm);
    const file = importForm.querySelector('[name=file]').files[0];
    if (!file) {
      clear(importResult, message('error', t('agency.import.noFile')));
      return;
    }
    const submit = importForm.querySelector('[type=submit]');
    submit.disabled = true;
    try {
      await follow(await post(`/api/imports/${importKind.value}`, file, { headers: { 'Content-Type': 'text/csv;charset=UTF-8' } }));
      loadRecentImports();
      await refreshReferenceData();
      loadPledges();
    } catch (error) {
      showFormErrors(importForm, error);
      clear(importResult);
    } finally {
      submit.disabled = false;
    }
  });

  // Shows a job's progress while it runs (as long as the clerk stays on the page), then its result.
  async function follow(job) {
    while (job.status === 'RUNNING' && !left) {
      clear(importResult, message('info', t('agency.import.running', { rows: formatNumber(job.rowsRead) })));
      await new Promise((resolve) => setTimeout(resolve, 700));
      job = await get(`/api/imports/${encodeURIComponent(job.id)}`);
    }
    drawImport(job);
  }

  // A job of the recent list as it stands now: it may have been running when the list was read.
  async function showImport(id) {
    try {
      await follow(await get(`/api/imports/${encodeURIComponent(id)}`));
    } catch (error) {
      clear(importResult, errorMessage(error));
    }
  }

  function drawImport(job) {
    const summary = job.status === 'FAILED'
      ? message('error', t('agency.import.failed', { reason: job.failure || '' }))
      : message(job.rejected ? 'warning' : 'success', t('agency.import.done', {
        rows: formatNumber(job.rowsRead), accepted: formatNumber(job.accepted),
        rejected: formatNumber(job.rejected), duplicates: formatNumber(job.duplicates) }), { dataset: { testid: 'import-summary' } });
    clear(importResult, summary,
      (job.errors || []).length ? h('table', { class: 'table', dataset: { testid: 'import-errors' } },
        h('thead', {}, h('tr', {}, h('th', {}, t('agency.import.line')), h('th', {}, t('agency.import.result')), h('th', {}, t('agency.import.reason')))),
        h('tbody', {}, job.errors.map((e) => h('tr', { dataset: { line: e.line } },
          h('td', {}, e.line), h('td', {}, label('agency.import.status', e.status)),
          h('td', {}, e.reason))))) : null,
      job.errorsNotKept ? h('p', {}, t('agency.import.moreErrors', { count: formatNumber(job.errorsNotKept) })) : null);
  }

  // The agency's last imports, so that a clerk who left the page while a file was read finds its result again.
  const recentImports = h('div', { dataset: { testid: 'recent-imports' } });
  const recentCard = h('section', { class: 'card list' }, h('h2', {}, t('agency.import.recent')), recentImports);

  async function loadRecentImports() {
    try {
      const jobs = await get('/api/imports?size=10');
      clear(recentImports, jobs.items.length === 0 ? h('p', { class: 'empty' }, t('agency.import.noneYet'))
        : h('table', { class: 'table' },
          h('thead', {}, h('tr', {}, ['started', 'what', 'state', 'rows', 'accepted', 'rejected', '']
            .map((column) => h('th', {}, column ? t(`agency.import.${column}`) : '')))),
          h('tbody', {}, jobs.items.map((job) => h('tr', { dataset: { testid: 'import-row', job: job.id, status: job.status } },
            h('td', {}, formatDateTime(job.createdAt)), h('td', {}, t(`importKind.${job.kind.toLowerCase()}`)),
            h('td', {}, label('agency.import.state', job.status)), h('td', {}, formatNumber(job.rowsRead)),
            h('td', {}, formatNumber(job.accepted)), h('td', {}, formatNumber(job.rejected)),
            h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => showImport(job.id) },
              t('agency.import.show'))))))));
    } catch (error) {
      clear(recentImports, errorMessage(error));
    }
  }

  const exportResult = h('div');
  const exportCard = h('section', { class: 'card' },
    h('h2', {}, t('agency.export.title')),
    h('p', {}, t('agency.export.hint')),
    h('button', { type: 'button', class: 'primary', dataset: { testid: 'export' }, onclick: async () => {
      clear(exportResult);
      try {
        await download(`/api/exports/pledges.csv${query({ campaignId: filters.campaignId, status: filters.status })}`, `pledges-${agencyId}.csv`);
      } catch (error) {
        clear(exportResult, errorMessage(error));
      }
    } }, t('agency.export.download')),
    exportResult);
  panels.transfer.append(h('div', { class: 'stack' }, h('div', { class: 'split' }, importForm, exportCard), recentCard));

  // ---------------------------------------------------------------- reviews of our organisations

  const reviewFilters = { rectificationStatus: '', page: 0 };
  const reviewBody = h('tbody', { dataset: { testid: 'agency-reviews' } });
  const reviewPager = h('div', { class: 'pager' });
  const reviewMessage = h('div');
  const reviewStatusFilter = select('rectificationStatus', REVIEW_FILTERS.map(([value, key]) => [value, t(key)]), '',
    { id: 'filter-review-status' });
  reviewStatusFilter.addEventListener('change', () => {
    reviewFilters.rectificationStatus = reviewStatusFilter.value;
    reviewFilters.page = 0;
    loadReviews();
  });
  let reviewsRun = 0;

  /** Loads the reviews of the agency's subtree the filter asks for, newest first; an overtaken answer is dropped. */
  async function loadReviews() {
    const run = ++reviewsRun;
    const shown = { ...reviewFilters };
    try {
      const page = await get(`/api/reviews${query({ rectificationStatus: shown.rectificationStatus, page: shown.page, size: PAGE_SIZE })}`);
      if (left || run !== reviewsRun) {
        return;
      }
      clear(reviewMessage);
      drawReviews(page);
      Object.assign(reviewBody.dataset, { status: shown.rectificationStatus, page: String(shown.page), loaded: String(run) });
    } catch (error) {
      if (!left && run === reviewsRun) {
        clear(reviewMessage, errorMessage(error));
      }
    }
  }

  function drawReviews(page) {
    clear(reviewBody, page.items.length === 0
      ? h('tr', {}, h('td', { colspan: 6, class: 'empty' }, t('agency.reviews.none')))
      : page.items.map((r) => h('tr', { dataset: { testid: 'agency-review-row', reviewId: r.id, status: r.rectificationStatus } },
        h('td', {}, r.round, h('br'), h('small', {}, label('rating', r.rating))),
        h('td', {}, r.subjectType === 'MEMBER'
          ? `${label('subjectType', r.subjectType)} ${r.subjectId}（${organisationName(r.organisationId)}）`
          : organisationName(r.subjectId)),
        h('td', { class: 'pledge-title' },
          r.problems ? h('div', {}, r.problems) : null,
          r.rectificationRequired ? h('div', {}, h('strong', {}, `${t('field.rectificationRequired')}：`), r.rectificationRequired) : null,
          r.statement ? h('small', { class: 'hint' }, `${t('review.statement')}：${r.statement}`) : null,
          r.rectificationStatus === 'REOPENED' && r.reviewerNote
            ? h('div', { class: 'message warning' }, `${t('review.reviewerNote')}：${r.reviewerNote}`) : null),
        h('td', {}, r.rectificationDeadline || '–'),
        h('td', {}, h('span', { class: `status rect-${r.rectificationStatus}`, dataset: { status: r.rectificationStatus } },
          label('rectification', r.rectificationStatus))),
        h('td', { class: 'actions' }, Object.entries(REVIEW_ANSWERS)
          .filter(([, spec]) => spec.statuses.includes(r.rectificationStatus))
          .map(([answer]) => h('button', { type: 'button', class: 'small', dataset: { action: answer },
            onclick: () => openAnswer(r, answer) }, t(`agency.reviews.${answer}`)))))));
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    clear(reviewPager,
      h('button', { type: 'button', class: 'ghost small', disabled: page.page === 0,
        onclick: () => { reviewFilters.page -= 1; loadReviews(); } }, t('common.previous')),
      h('span', {}, t('common.pageOf', { page: page.page + 1, pages, total: formatNumber(page.total) })),
      h('button', { type: 'button', class: 'ghost small', disabled: page.page + 1 >= pages,
        onclick: () => { reviewFilters.page += 1; loadReviews(); } }, t('common.next')));
  }

  /** The form of a rectification statement or completion report, in the action dialog. */
  function openAnswer(review, answer) {
    const spec = REVIEW_ANSWERS[answer];
    openStepDialog({
      dialog, messages: reviewMessage,
      testids: { form: `review-answer-${answer}`, submit: 'review-answer-submit', done: 'review-answer-done' },
      heading: `${t(`agency.reviews.${answer}`)}：${organisationName(review.organisationId)} · ${review.round}`,
      intro: review.rectificationRequired
        ? h('p', {}, h('strong', {}, `${t('field.rectificationRequired')}：`), review.rectificationRequired) : null,
      fields: spec.fields(), submitLabel: t(`agency.reviews.${answer}`),
      send: (values) => post(`/api/reviews/${encodeURIComponent(review.id)}/rectification/${spec.path}`,
        spec.body(values)),
      reload: loadReviews, done: t(`agency.reviews.${answer}.done`)
    });
  }

  panels.reviews.append(h('section', { class: 'card list', dataset: { testid: 'agency-review-list' } },
    h('div', { class: 'card-head' }, h('h2', {}, t('agency.reviews.title')),
      h('form', { class: 'toolbar inline', onsubmit: (e) => e.preventDefault() },
        field(t('review.rectification'), reviewStatusFilter),
        h('button', { type: 'button', class: 'ghost small', onclick: () => loadReviews() }, t('common.refresh')))),
    h('p', { class: 'hint' }, t('agency.reviews.hint')),
    reviewMessage,
    h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, h('th', {}, t('field.round')), h('th', {}, t('field.subjectId')),
        h('th', {}, t('agency.reviews.col.asked')), h('th', {}, t('field.rectificationDeadline')),
        h('th', {}, t('review.rectification')), h('th', {}, t('agency.pledges.actions')))),
      reviewBody),
    reviewPager));

  // ---------------------------------------------------------------- start

  async function refreshReferenceData() {
    await loadReferenceData();
    if (left) {
      return;
    }
    drawRoster();
    const chosenCampaign = pledgeCampaign.value;
    clear(pledgeCampaign, data.campaigns.map((c) => h('option', { value: c.id, selected: c.id === chosenCampaign }, c.name ? `${c.name}（${c.id}）` : c.id)));
    if (!chosenCampaign && data.campaigns.length) {
      pledgeCampaign.value = data.campaigns[data.campaigns.length - 1].id;
    }
    const filterCampaign = campaignFilter.value;
    clear(campaignFilter, h('option', { value: '' }, t('common.allCampaigns')),
      data.campaigns.map((c) => h('option', { value: c.id, selected: c.id === filterCampaign }, c.name || c.id)));
    const chosenPledger = pledgerSelect.value;
    fillPledgers();
    pledgerSelect.value = chosenPledger;
    const parent = orgParent.value || agencyId;
    clear(orgParent, data.organisations.filter((o) => o.active !== false).map((o) => h('option', { value: o.id, selected: o.id === parent }, `${o.name}（${o.id}）`)));
    const own = data.organisations.find((o) => o.id === agencyId);
    if (own && own.townshipId && orgTownship.value === agencyId) {
      orgTownship.value = own.townshipId;
    }
    const memberOrganisation = memberOrg.value;
    clear(memberOrg, data.organisations.filter((o) => o.active !== false).map((o) => h('option', { value: o.id, selected: o.id === memberOrganisation }, `${o.name}（${o.id}）`)));
  }

  show(sessionStorage.getItem('campaign.agency.tab') || 'pledges');
  refreshReferenceData().then(() => Promise.all([loadPledges(), loadReviews()]));

  return () => {
    left = true;
    if (dialog.open) {
      dialog.close();
    }
  };
}
