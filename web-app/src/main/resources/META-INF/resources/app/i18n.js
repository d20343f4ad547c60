// The two languages of the app: simplified Chinese (default) and English, chosen with the toggle in the
// header and remembered in this browser.
import zh from './i18n/zh-CN.js';
import en from './i18n/en.js';

const DICTIONARIES = { 'zh-CN': zh, en };
const STORAGE_KEY = 'campaign.language';
const listeners = new Set();

let current = DICTIONARIES[localStorage.getItem(STORAGE_KEY)] ? localStorage.getItem(STORAGE_KEY) : 'zh-CN';
document.documentElement.lang = current;

export function setLanguage(next) {
  if (!DICTIONARIES[next] || next === current) {
    return;
  }
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  listeners.forEach((listener) => listener(next));
}

export function toggleLanguage() {
  setLanguage(current === 'zh-CN' ? 'en' : 'zh-CN');
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The text for key in the current language, with {placeholders} filled from vars. */
export function t(key, vars = {}) {
  const text = DICTIONARIES[current][key] ?? DICTIONARIES['zh-CN'][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** The sectors of the contracts, in their order. */
export const SECTORS = ['RURAL_VILLAGE', 'URBAN_COMMUNITY', 'GOVERNMENT_ORGAN', 'PUBLIC_INSTITUTION', 'STATE_ENTERPRISE',
  'NON_PUBLIC_ENTERPRISE', 'NEW_SOCIAL_ORGANISATION'];

/** The label of an enumerated value, e.g. label('status', 'FULFILLED'); the value itself when unknown. */
export function label(group, value) {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  const key = `${group}.${value}`;
  const text = t(key);
  return text === key ? String(value) : text;
}

export function formatNumber(value, digits) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) {
    return '–';
  }
  const options = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return new Intl.NumberFormat(current, options).format(Number(value));
}

export function formatPercent(value) {
  return value === null || value === undefined ? '–' : `${formatNumber(value, 1)}%`;
}

export function formatDateTime(value) {
  if (!value) {
    return '';
  }
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(value));
}

export function formatTime(date) {
  return new Intl.DateTimeFormat(current, { timeStyle: 'medium' }).format(date);
}
