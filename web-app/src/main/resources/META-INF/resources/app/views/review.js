// The reviewer's workspace (REVIEWER): where they are assigned, their reviews (those they recorded and those of
// the subjects they are assigned to) filtered by rectification status, a form to record a leadership review
// (领导点评), and a look-up of a review with its rectification, which the reviewer accepts or reopens once the
// subject reported it completed.
import { get, post, query } from '../api.js';
import { t, label, formatDateTime, formatNumber } from '../i18n.js';
import { h, clear, select, field, formValues, message, today } from '../dom.js';
import { errorMessage, showFormErrors, clearFormErrors } from '../errors.js';

const RATINGS = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR'];
const PAGE_SIZE = 10;
/** The filter of "my reviews": its value is the rectificationStatus parameter sent (several comma-separated). */
const MINE_FILTERS = [['', 'review.mine.filter.all'], ['COMPLETED', 'review.mine.filter.awaitingCheck'],
  ['REQUIRED,REOPENED', 'review.mine.filter.awaitingStatement'], ['COMMITTED', 'review.mine.filter.inProgress'],
  ['ACCEPTED', 'review.mine.filter.accepted'], ['NOT_REQUIRED', 'review.mine.filter.notRequired']];

export function render(main, user) {
  let left = false;
  const assignments = h('div', { dataset: { testid: 'assignments' } }, h('p', { class: 'loading' }, t('common.loading')));
  const campaign = select('campaignId', [], '', { id: 'review-campaign' });
  const subjectType = select('subjectType', ['ORGANISATION', 'MEMBER'].map((s) => [s, label('subjectType', s)]), 'ORGANISATION', { id: 'review-subject-type' });
  const organisation = h('input', { type: 'text', name: 'organisationId', id: 'review-organisation', list: 'assigned-organisations' });
  const subject = h('input', { type: 'text', name: 'subjectId', id: 'review-subject', list: 'assigned-organisations' });
  const assigned = h('datalist', { id: 'assigned-organisations' });
  const result = h('div', { class: 'form-result', role: 'status' });

  const form = h('form', { class: 'card form', dataset: { testid: 'review-form' }, novalidate: true },
    h('h2', {}, t('review.form')),
    h('div', { class: 'form-errors message error', role: 'alert', hidden: true, dataset: { testid: 'form-error' } }),
    field(t('field.campaignId'), campaign),
    h('div', { class: 'row' },
      field(t('field.round'), h('input', { type: 'text', name: 'round', id: 'review-round', maxlength: 32, placeholder: `${new Date().getFullYear()}-R1` })),
      field(t('field.subjectType'), subjectType)),
    h('div', { class: 'row' }, field(t('field.subjectId'), subject), field(t('field.organisationId'), organisation)),
    field(`${t('field.townshipId')} ${t('common.optional')}`, h('input', { type: 'text', name: 'townshipId', id: 'review-township' })),
    field(t('field.rating'), select('rating', RATINGS.map((r) => [r, label('rating', r)]), 'GOOD', { id: 'review-rating' })),
    field(t('field.strengths'), h('textarea', { name: 'strengths', rows: 2 })),
    field(t('field.problems'), h('textarea', { name: 'problems', rows: 2 })),
    h('div', { class: 'row' },
      field(`${t('field.rectificationRequired')} ${t('common.optional')}`, h('textarea', { name: 'rectificationRequired', rows: 2 })),
      field(t('field.rectificationDeadline'), h('input', { type: 'date', name: 'rectificationDeadline' }))),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', dataset: { testid: 'review-submit' } }, t('common.submit'))),
    result, assigned);

  subject.addEventListener('change', () => {
    if (subjectType.value === 'ORGANISATION') {
      organisation.value = subject.value;
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    clear(result);
    const v = formValues(form);
    try {
      const created = await post('/api/reviews', {
        campaignId: v.campaignId, round: v.round, subjectType: v.subjectType, subjectId: v.subjectId,
        organisationId: v.organisationId || (v.subjectType === 'ORGANISATION' ? v.subjectId : undefined),
        townshipId: v.townshipId, rating: v.rating, strengths: v.strengths, problems: v.problems,
        rectificationRequired: v.rectificationRequired, rectificationDeadline: v.rectificationDeadline
      });
      clear(result, message('success', t('review.recorded', { id: created.reviewId }), { dataset: { testid: 'review-recorded' } }));
      lookupInput.value = created.reviewId;
      showReview(created.reviewId);
    } catch (error) {
      showFormErrors(form, error);
    }
  });

  const lookupInput = h('input', { type: 'text', name: 'reviewId', id: 'review-lookup', dataset: { testid: 'review-lookup' } });
  const lookupResult = h('div', { dataset: { testid: 'review-details' } });
  const lookup = h('form', { class: 'card form' },
    h('h2', {}, t('review.lookup')),
    field(t('field.id'), lookupInput),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'ghost', dataset: { testid: 'review-lookup-submit' } }, t('common.submit'))),
    lookupResult);
  lookup.addEventListener('submit', (event) => {
    event.preventDefault();
    showReview(lookupInput.value.trim());
  });

  /** The review with its rectification, and the reviewer's check of a completed rectification: accept or reopen. */
  async function showReview(reviewId, done) {
    if (!reviewId) {
      return;
    }
    try {
      const details = await get(`/api/reviews/${encodeURIComponent(reviewId)}`);
      if (left) {
        return;
      }
      const r = details.review || {};
      const status = r.rectificationStatus;
      clear(lookupResult,
        done ? message('success', done, { dataset: { testid: 'rectification-done' } }) : null,
        h('dl', { class: 'facts' },
          h('dt', {}, t('field.subjectId')), h('dd', {}, `${label('subjectType', r.subjectType)} ${r.subjectId || ''}`),
          h('dt', {}, t('field.round')), h('dd', {}, r.round || ''),
          h('dt', {}, t('field.rating')), h('dd', {}, label('rating', r.rating)),
          r.problems ? [h('dt', {}, t('field.problems')), h('dd', {}, r.problems)] : null,
          r.rectificationRequired ? [h('dt', {}, t('field.rectificationRequired')), h('dd', {}, r.rectificationRequired)] : null,
          r.rectificationDeadline ? [h('dt', {}, t('field.rectificationDeadline')), h('dd', {}, r.rectificationDeadline)] : null,
          h('dt', {}, t('review.rectification')),
          h('dd', {}, h('span', { class: `status rect-${status}`, dataset: { testid: 'rectification-status', status } },
            label('rectification', status) || '–')),
          r.statement ? [h('dt', {}, t('review.statement')), h('dd', {}, `${r.statement}${r.committedOn ? `（${r.committedOn}）` : ''}`)] : null,
          r.completionReport ? [h('dt', {}, t('review.completion')), h('dd', {}, `${r.completionReport}${r.completedOn ? `（${r.completedOn}）` : ''}`)] : null,
          r.reviewerNote ? [h('dt', {}, t('review.reviewerNote')), h('dd', {}, r.reviewerNote)] : null),
        status === 'COMPLETED' ? checkForms(r) : null,
        h('ol', { class: 'timeline' }, (details.timeline || []).map((e) => h('li', {},
          `${formatDateTime(e.recordedAt)} · ${label('event', e.type)}${e.actor && e.actor.userId ? ` · ${e.actor.userId}` : ''}`))));
    } catch (error) {
      clear(lookupResult, errorMessage(error));
    }
  }

  const mineFilters = { rectificationStatus: '', page: 0 };
  const mineList = h('div', { dataset: { testid: 'my-reviews' } });
  const minePager = h('div', { class: 'pager' });
  const mineStatus = select('rectificationStatus', MINE_FILTERS.map(([value, key]) => [value, t(key)]), '',
    { id: 'my-reviews-status' });
  mineStatus.addEventListener('change', () => {
    mineFilters.rectificationStatus = mineStatus.value;
    mineFilters.page = 0;
    loadMine();
  });
  const mine = h('section', { class: 'card' },
    h('div', { class: 'card-head' }, h('h2', {}, t('review.mine')),
      h('form', { class: 'toolbar inline', onsubmit: (e) => e.preventDefault() },
        field(t('review.rectification'), mineStatus),
        h('button', { type: 'button', class: 'ghost small', onclick: () => loadMine() }, t('common.refresh')))),
    mineList, minePager);
  let mineRun = 0;

  /** The reviewer's reviews the filter asks for, newest first; each opens in the look-up below. */
  async function loadMine() {
    const run = ++mineRun;
    const shown = { ...mineFilters };
    try {
      const page = await get(`/api/reviews${query({ rectificationStatus: shown.rectificationStatus, page: shown.page, size: PAGE_SIZE })}`);
      if (left || run !== mineRun) {
        return;
      }
      clear(mineList, page.items.length === 0 ? h('p', { class: 'empty' }, t('review.mine.none'))
        : h('ul', { class: 'plain' }, page.items.map((r) => h('li', { dataset: { testid: 'my-review', reviewId: r.id, status: r.rectificationStatus } },
          h('button', { type: 'button', class: 'ghost small', dataset: { testid: 'my-review-open' }, onclick: () => {
            lookupInput.value = r.id;
            showReview(r.id);
          } }, t('review.mine.open')), ' ',
          `${r.round} · ${label('subjectType', r.subjectType)} ${r.subjectId} · ${label('rating', r.rating)} `,
          h('span', { class: `status rect-${r.rectificationStatus}` }, label('rectification', r.rectificationStatus))))));
      Object.assign(mineList.dataset, { status: shown.rectificationStatus, page: String(shown.page) });
      const pages = Math.max(1, Math.ceil(page.total / page.size));
      clear(minePager,
        h('button', { type: 'button', class: 'ghost small', disabled: page.page === 0,
          onclick: () => { mineFilters.page -= 1; loadMine(); } }, t('common.previous')),
        h('span', {}, t('common.pageOf', { page: page.page + 1, pages, total: formatNumber(page.total) })),
        h('button', { type: 'button', class: 'ghost small', disabled: page.page + 1 >= pages,
          onclick: () => { mineFilters.page += 1; loadMine(); } }, t('common.next')));
    } catch (error) {
      if (!left && run === mineRun) {
        clear(mineList, errorMessage(error));
      }
    }
  }

  /** Accept (comment optional) or reopen (reason required) a rectification the subject reported completed. */
  function checkForms(review) {
    const check = (kind, path, fields, body) => {
      const form = h('form', { class: 'check-form', novalidate: true, dataset: { testid: `${kind}-form` } },
        h('h3', {}, t(`review.${kind}`)),
        h('div', { class: 'form-errors message error', role: 'alert', hidden: true, dataset: { testid: 'form-error' } }),
        fields,
        h('div', { class: 'buttons' }, h('button', { type: 'submit', class: kind === 'accept' ? 'primary' : 'ghost',
          dataset: { testid: `${kind}-submit` } }, t(`review.${kind}`))));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearFormErrors(form);
        const submit = form.querySelector('[type=submit]');
        submit.disabled = true;
        try {
          await post(`/api/reviews/${encodeURIComponent(review.id)}/rectification/${path}`, body(formValues(form)));
          await showReview(review.id, t(`review.${kind}ed`));
          loadMine();
        } catch (error) {
          showFormErrors(form, error);
          submit.disabled = false;
        }
      });
      return form;
    };
    return h('div', { class: 'split-even' },
      check('accept', 'acceptance', [
        field(`${t('field.comment')} ${t('common.optional')}`, h('textarea', { name: 'comment', rows: 2 })),
        field(t('field.acceptedOn'), h('input', { type: 'date', name: 'acceptedOn', value: today() }))],
      (v) => ({ comment: v.comment, acceptedOn: v.acceptedOn })),
      check('reopen', 'reopening', [
        field(t('field.reopenReason'), h('textarea', { name: 'reason', rows: 2 })),
        field(t('field.reopenedOn'), h('input', { type: 'date', name: 'reopenedOn', value: today() }))],
      (v) => ({ reason: v.reason, reopenedOn: v.reopenedOn })));
  }

  clear(main, h('section', { class: 'workspace', dataset: { testid: 'review-workspace' } },
    h('div', { class: 'view-head' }, h('h1', {}, t('review.title'))),
    h('div', { class: 'split' },
      h('div', {}, h('section', { class: 'card' }, h('h2', {}, t('review.assignments')), assignments), mine, lookup),
      form)));

  loadMine();
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
      clear(assigned, items.flatMap((a) => a.organisationIds || []).map((id) => h('option', { value: id })));
      clear(assignments, items.length === 0 ? h('p', { class: 'empty' }, t('review.noAssignments'))
        : h('ul', { class: 'plain' }, items.map((a) => h('li', { dataset: { testid: 'assignment' } },
          h('strong', {}, a.campaignId), ' · ',
          (a.organisationIds || []).length ? t('review.assignedOrgs', { ids: a.organisationIds.join('、') }) : '',
          (a.townshipIds || []).length ? ` ${t('review.assignedTownships', { ids: a.townshipIds.join('、') })}` : ''))));
      if (items.length && items[0].organisationIds && items[0].organisationIds.length) {
        subject.value = items[0].organisationIds[0];
        organisation.value = items[0].organisationIds[0];
      }
    });

  return () => { left = true; };
}
