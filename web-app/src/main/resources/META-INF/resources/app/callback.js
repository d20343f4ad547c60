// The page the issuer sends the browser back to after sign-in: exchanges the code, then returns to the app.
import { completeSignIn } from './auth.js';
import { t } from './i18n.js';
import { h, clear } from './dom.js';

document.title = t('app.title');
const status = document.getElementById('status');
status.textContent = t('auth.signingIn');

completeSignIn()
  .then((next) => location.replace(next))
  .catch((error) => {
    clear(document.getElementById('view'),
      h('p', { class: 'message error', role: 'alert', dataset: { testid: 'sign-in-error' } },
        t('auth.failed', { reason: error.message })),
      h('p', {}, h('a', { href: '/' }, t('auth.backHome'))));
  });
