// The app shell: who is signed in, the navigation their roles allow, the language toggle, and the views.
import { currentUser, signIn, signOut, justSignedOut, hadSession } from './auth.js';
import { onUnauthorised } from './api.js';
import { t, label, toggleLanguage, onLanguageChange } from './i18n.js';
import { h, clear } from './dom.js';
import * as dashboard from './views/dashboard.js';
import * as agency from './views/agency.js';
import * as review from './views/review.js';
import * as inspection from './views/inspection.js';
import * as audit from './views/audit.js';

/** The views, in the order of the navigation, with the roles that may use each. */
const VIEWS = [
  { route: 'dashboard', view: dashboard, roles: ['LEADERSHIP', 'AUDITOR', 'ADMINISTRATOR'] },
  { route: 'agency', view: agency, roles: ['AGENCY_STAFF'] },
  { route: 'review', view: review, roles: ['REVIEWER'] },
  { route: 'inspection', view: inspection, roles: ['INSPECTION_GROUP'] },
  { route: 'audit', view: audit, roles: ['AUDITOR'] }
];

const main = document.getElementById('view');
const nav = document.getElementById('nav');
let leaveCurrentView = null;

function allowedViews(user) {
  return VIEWS.filter((v) => v.roles.some((role) => user.roles.includes(role)));
}

function currentRoute() {
  return (location.hash.replace(/^#\/?/, '').split('?')[0]) || '';
}

function renderHeader(user) {
  document.title = t('app.title');
  document.getElementById('app-title').textContent = t('app.title');
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = t('lang.switchTo');
  toggle.setAttribute('aria-label', t('lang.switchTo'));
  const signOutButton = document.getElementById('sign-out');
  signOutButton.textContent = t('auth.signOut');
  signOutButton.hidden = !user;
  document.getElementById('user-name').textContent = user ? user.name : '';
  document.getElementById('user-role').textContent = user ? user.roles.map((r) => label('role', r)).join('、') : '';
  document.getElementById('user-role').hidden = !user;
  if (!user) {
    clear(nav);
    return;
  }
  const route = currentRoute();
  clear(nav, allowedViews(user).map((v) => h('a', {
    href: `#/${v.route}`,
    class: v.route === route ? 'active' : null,
    'aria-current': v.route === route ? 'page' : null,
    dataset: { testid: `nav-${v.route}` }
  }, t(`nav.${v.route}`))));
}

function renderSignedOut(note) {
  clear(main, h('section', { class: 'card welcome', dataset: { testid: 'welcome' } },
    h('h1', {}, t('auth.welcome')),
    h('p', { class: 'subtitle' }, t('app.subtitle')),
    note ? h('p', { class: 'message info', role: 'status', dataset: { testid: 'signed-out-note' } }, note) : null,
    h('p', {}, t('auth.pleaseSignIn')),
    h('button', { type: 'button', class: 'primary big', dataset: { testid: 'sign-in' }, onclick: () => signIn('/') },
      t('auth.signIn'))));
}

function render() {
  if (leaveCurrentView) {
    leaveCurrentView();
    leaveCurrentView = null;
  }
  const user = currentUser();
  renderHeader(user);
  if (!user) {
    let note = null;
    if (justSignedOut()) {
      note = t('auth.signedOut');
    } else if (hadSession()) {
      note = t('auth.expired');
    }
    renderSignedOut(note);
    return;
  }
  const allowed = allowedViews(user);
  const route = currentRoute();
  const chosen = VIEWS.find((v) => v.route === route);
  if (!chosen) {
    if (allowed.length) {
      location.replace(`#/${allowed[0].route}`);
    } else {
      clear(main, h('section', { class: 'card' }, h('p', {}, t('nav.notAllowed'))));
    }
    return;
  }
  if (!allowed.includes(chosen)) {
    clear(main, h('section', { class: 'card' },
      h('p', { class: 'message error', role: 'alert', dataset: { testid: 'not-allowed' } }, t('nav.notAllowed'))));
    return;
  }
  clear(main);
  const leave = chosen.view.render(main, user);
  leaveCurrentView = typeof leave === 'function' ? leave : null;
}

document.getElementById('lang-toggle').addEventListener('click', toggleLanguage);
document.getElementById('sign-out').addEventListener('click', () => {
  if (leaveCurrentView) {
    leaveCurrentView();
    leaveCurrentView = null;
  }
  signOut();
});
window.addEventListener('hashchange', render);
onLanguageChange(render);

let expiredShown = false;
onUnauthorised(() => {
  if (expiredShown) {
    return;
  }
  expiredShown = true;
  const banner = h('div', { class: 'banner', role: 'alert', dataset: { testid: 'session-expired' } },
    t('auth.expired'), ' ',
    h('button', { type: 'button', class: 'primary', onclick: () => signIn() }, t('auth.signIn')));
  document.body.prepend(banner);
});

render();
