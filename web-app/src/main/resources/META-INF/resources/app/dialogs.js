// The dialog of one step on a record — a pledge action, a rectification answer, a mass-evaluation or ledger step:
// its form is sent, then the dialog closes, the list is reloaded and the step is said done. A refusal is shown
// beside the fields, and a 409 (the record changed meanwhile) reloads the list too.
import { t } from './i18n.js';
import { h, clear, formValues, message } from './dom.js';
import { showFormErrors, clearFormErrors } from './errors.js';

/**
 * Opens `dialog` with a form: `heading`, optional `intro`, the step's `fields`, a submit button labelled
 * `submitLabel`. `send(values)` sends the step; `reload()` refreshes the list; `done` is the text shown in
 * `messages` afterwards. `testids` name the form, its submit button and the done message for tests. `validate`
 * leaves the browser's own checks of required fields on; without it only the service's answer counts. Answers
 * the form, for steps that fill it in after it is shown.
 */
export function openStepDialog({ dialog, messages, testids, heading, intro, fields, submitLabel, send, reload, done,
  wide = false, validate = false }) {
  const form = h('form', { method: 'dialog', novalidate: !validate, dataset: { testid: testids.form } },
    h('h2', {}, heading),
    intro,
    h('div', { class: 'form-errors message error', role: 'alert', hidden: true, dataset: { testid: 'form-error' } }),
    fields,
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary', dataset: { testid: testids.submit } }, submitLabel),
      h('button', { type: 'button', class: 'ghost', onclick: () => dialog.close() }, t('common.cancel'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const submit = form.querySelector('[type=submit]');
    submit.disabled = true;
    try {
      await send(formValues(form));
      dialog.close();
      await reload();
      clear(messages, message('success', done, { dataset: { testid: testids.done } }));
    } catch (error) {
      showFormErrors(form, error);
      if (error.status === 409) {
        reload();
      }
    } finally {
      submit.disabled = false;
    }
  });
  clear(dialog, form);
  dialog.classList.toggle('wide', wide);
  dialog.showModal();
  return form;
}
