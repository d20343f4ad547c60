// Building the page from data without ever parsing data as HTML: every text goes in as a text node.

/**
 * Creates an element: h('button', { class: 'primary', onclick: fn, dataset: { testid: 'x' } }, 'Save').
 * Attributes whose value is null, undefined or false are left out; children may be nested arrays.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'value' && 'value' in element) {
      element.value = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A <select> of values with labels, the current value selected. */
export function select(name, options, selected, attributes = {}) {
  return h('select', { name, id: attributes.id || `f-${name}`, ...attributes },
    options.map(([value, text]) => h('option', { value, selected: String(value) === String(selected ?? '') }, text)));
}

/** A labelled form field: the label, the control, and a slot for the field's error message. */
export function field(labelText, control, hint) {
  const id = control.id || `f-${control.name}-${Math.random().toString(36).slice(2, 8)}`;
  control.id = id;
  return h('div', { class: 'field', dataset: { field: control.name || '' } },
    h('label', { for: id }, labelText),
    control,
    hint ? h('small', { class: 'hint' }, hint) : null,
    h('small', { class: 'field-error', role: 'alert', hidden: true }));
}

/** The local date, offsetDays from today, as an ISO date (2011-06-30). */
export function today(offsetDays = 0) {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 10);
}

/** Reads a form into an object; empty strings become undefined. */
export function formValues(form) {
  const values = {};
  for (const element of form.elements) {
    if (!element.name || element.disabled) {
      continue;
    }
    if (element.type === 'checkbox') {
      values[element.name] = element.checked;
    } else if (element.type === 'file') {
      values[element.name] = element.files[0];
    } else {
      const value = element.value.trim();
      values[element.name] = value === '' ? undefined : value;
    }
  }
  return values;
}

export function message(kind, text, attributes = {}) {
  return h('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status', ...attributes }, text);
}
