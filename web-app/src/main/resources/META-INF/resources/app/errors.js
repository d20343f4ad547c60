// Turns the services' problem answers (RFC 7807: status, detail, errors[].field) into words a clerk
// understands, next to the fields they concern.
import { t } from './i18n.js';
import { h, clear } from './dom.js';

const VALIDATION = [
  [/must not be (blank|null|empty)|required/i, 'validation.required'],
  [/greater than or equal to 0/i, 'validation.notNegative'],
  [/must be greater than 0|must be positive/i, 'validation.positive'],
  [/size must be between|length must be/i, 'validation.tooLong'],
  [/must match/i, 'validation.format'],
  [/invalid value|wrong type/i, 'validation.invalidValue']
];

function fieldLabel(field) {
  const key = `field.${field}`;
  const text = t(key);
  if (text !== key) {
    return text;
  }
  const last = field.split('.').pop();
  const short = t(`field.${last}`);
  return short === `field.${last}` ? field : short;
}

function fieldMessage(message) {
  const match = VALIDATION.find(([pattern]) => pattern.test(message || ''));
  return match ? t(match[1]) : message;
}

/**
 * The problem in words: a headline by status, the service's own explanation, and the invalid fields (from
 * errors[] — each naming a body field, or a query parameter — or the field named in an unreadable-body message).
 */
export function describe(error) {
  const status = error.status ?? 0;
  const problem = error.problem || {};
  let headline;
  if (status === 0) {
    headline = t('error.network');
  } else if (status === 429) {
    headline = t('error.429', { seconds: error.retryAfter || 1 });
  } else if ([400, 401, 403, 404, 409, 413, 415].includes(status)) {
    headline = t(`error.${status}`);
  } else if (status >= 500) {
    headline = t('error.5xx');
  } else {
    headline = t('error.other', { status });
  }
  const fields = [];
  if (Array.isArray(problem.errors)) {
    problem.errors.forEach((e) => {
      const name = e.field ?? e.parameter ?? '';
      fields.push({ field: name, label: fieldLabel(name), message: fieldMessage(e.message) });
    });
  }
  const unreadable = /Field '([^']+)'/.exec(problem.detail || '');
  if (status === 400 && fields.length === 0 && unreadable) {
    fields.push({ field: unreadable[1], label: fieldLabel(unreadable[1]), message: t('validation.invalidValue') });
  }
  const colon = /^([A-Za-z][\w.]*): (.+)$/.exec(problem.detail || '');
  if (status === 400 && fields.length === 0 && colon) {
    fields.push({ field: colon[1], label: fieldLabel(colon[1]), message: colon[2] });
  }
  const showDetail = problem.detail && fields.length === 0 && status !== 0;
  return {
    headline,
    detail: showDetail ? t('error.serviceSays', { detail: problem.detail }) : null,
    fields
  };
}

/** A message box for an error outside a form. */
export function errorMessage(error) {
  const { headline, detail, fields } = describe(error);
  return h('div', { class: 'message error', role: 'alert', dataset: { testid: 'error' } },
    h('strong', {}, headline),
    detail ? h('div', {}, detail) : null,
    fields.length ? h('ul', {}, fields.map((f) => h('li', {}, `${f.label}: ${f.message}`))) : null);
}

/** Clears the error marks of a form. */
export function clearFormErrors(form) {
  form.querySelectorAll('[aria-invalid]').forEach((element) => element.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((element) => { element.hidden = true; element.textContent = ''; });
  const summary = form.querySelector('.form-errors');
  if (summary) {
    clear(summary);
    summary.hidden = true;
  }
}

/** Shows an error in a form: a summary at the top and each invalid field's message beside the field. */
export function showFormErrors(form, error) {
  clearFormErrors(form);
  const { headline, detail, fields } = describe(error);
  const unplaced = [];
  fields.forEach((f) => {
    const control = form.querySelector(`[name="${CSS.escape(f.field)}"]`)
      || form.querySelector(`[name="${CSS.escape(f.field.split('.')[0])}"]`);
    const slot = control && control.closest('.field') && control.closest('.field').querySelector('.field-error');
    if (control && slot) {
      control.setAttribute('aria-invalid', 'true');
      slot.textContent = `${f.label}${f.message.startsWith(f.label) ? '' : ' '}${f.message}`;
      slot.hidden = false;
    } else {
      unplaced.push(f);
    }
  });
  let summary = form.querySelector('.form-errors');
  if (!summary) {
    summary = h('div', { class: 'form-errors message error', role: 'alert', dataset: { testid: 'form-error' } });
    form.prepend(summary);
  }
  clear(summary,
    h('strong', {}, headline),
    detail ? h('div', {}, detail) : null,
    fields.length ? h('ul', {}, fields.map((f) => h('li', {}, `${f.label}: ${f.message}`))) : null);
  summary.hidden = false;
  if (unplaced.length === 0 && fields.length) {
    const first = form.querySelector('[aria-invalid="true"]');
    if (first) {
      first.focus();
    }
  }
}
