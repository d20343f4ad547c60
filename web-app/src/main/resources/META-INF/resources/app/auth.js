// Sign-in with the OAuth 2.0 authorization code flow and PKCE (S256) against the platform's issuer, as the
// public client named in /app/config.json. The tokens are kept in this tab's sessionStorage only.

const SESSION_KEY = 'campaign.session';
const PENDING_KEY = 'campaign.pending-sign-in';
const SIGNED_OUT_KEY = 'campaign.signed-out';

let configuration;
let discovered;

/** What the gateway says about sign-in: the issuer and the client id (GET /app/config.json). */
export async function config() {
  if (!configuration) {
    const response = await fetch('/app/config.json', { cache: 'no-store' });
    if (!response.ok) {
      throw new Error(`config.json: ${response.status}`);
    }
    configuration = await response.json();
  }
  return configuration;
}

/** The issuer's endpoints, from its OpenID Connect discovery document. */
async function endpoints() {
  if (!discovered) {
    const { issuer } = await config();
    const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
    if (!response.ok) {
      throw new Error(`discovery: ${response.status}`);
    }
    discovered = await response.json();
  }
  return discovered;
}

function base64url(bytes) {
  let text = '';
  bytes.forEach((byte) => { text += String.fromCharCode(byte); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(length) {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

async function s256(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export function redirectUri() {
  return `${location.origin}/app/callback.html`;
}

/** Leaves for the issuer's sign-in page; comes back to returnTo (a path with its hash) afterwards. */
export async function signIn(returnTo = location.pathname + location.hash) {
  const [{ clientId, scope }, issuer] = await Promise.all([config(), endpoints()]);
  const verifier = randomText(48);
  const state = randomText(16);
  const nonce = randomText(16);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, nonce, returnTo }));
  sessionStorage.removeItem(SIGNED_OUT_KEY);
  const url = new URL(issuer.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri(),
    scope: scope || 'openid profile',
    state,
    nonce,
    code_challenge: await s256(verifier),
    code_challenge_method: 'S256'
  }).toString();
  location.assign(url.toString());
}

/** On the callback page: exchanges the code for tokens; answers where to go next. */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) || 'null');
  sessionStorage.removeItem(PENDING_KEY);
  if (params.get('error')) {
    throw new Error(params.get('error_description') || params.get('error'));
  }
  if (!pending || !params.get('code') || params.get('state') !== pending.state) {
    throw new Error('the sign-in answer does not belong to this tab; please start again');
  }
  const [{ clientId }, issuer] = await Promise.all([config(), endpoints()]);
  const response = await fetch(issuer.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      client_id: clientId,
      code_verifier: pending.verifier
    })
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new Error(body.error_description || body.error || `token endpoint ${response.status}`);
  }
  if (body.id_token && claimsOf(body.id_token).nonce !== pending.nonce) {
    throw new Error('the identity token does not match this sign-in');
  }
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({
    accessToken: body.access_token,
    idToken: body.id_token,
    expiresAt: Date.now() + (Number(body.expires_in) || 300) * 1000
  }));
  return pending.returnTo && pending.returnTo.startsWith('/') ? pending.returnTo : '/';
}

/** The claims of a JWT, without checking it (the gateway and the services check every token). */
export function claimsOf(jwt) {
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(payload),
      (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
    return JSON.parse(json);
  } catch (e) {
    return {};
  }
}

function stored() {
  return JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
}

/** The current access token, or null when signed out or expired. */
export function accessToken() {
  const session = stored();
  return session && session.expiresAt > Date.now() + 5000 ? session.accessToken : null;
}

/** Who is signed in: id, display name, roles and agency, from the token's claims. */
export function currentUser() {
  const session = stored();
  if (!session || session.expiresAt <= Date.now() + 5000) {
    return null;
  }
  const claims = { ...(session.idToken ? claimsOf(session.idToken) : {}), ...claimsOf(session.accessToken) };
  return {
    id: claims.sub,
    name: claims.name || claims.preferred_username || claims.sub,
    roles: Array.isArray(claims.roles) ? claims.roles : [],
    agency: claims.agency || ''
  };
}

export function hadSession() {
  return stored() !== null;
}

export function justSignedOut() {
  return sessionStorage.getItem(SIGNED_OUT_KEY) === '1';
}

/** Forgets the tokens and ends the session at the issuer, which sends the browser back to the start page. */
export async function signOut() {
  const session = stored();
  sessionStorage.removeItem(SESSION_KEY);
  sessionStorage.setItem(SIGNED_OUT_KEY, '1');
  let issuer = null;
  try {
    issuer = await endpoints();
  } catch (e) {
    // the issuer is unreachable: the tokens are forgotten here all the same
  }
  if (issuer && issuer.end_session_endpoint && session && session.idToken) {
    const { clientId } = await config();
    const url = new URL(issuer.end_session_endpoint);
    url.search = new URLSearchParams({
      id_token_hint: session.idToken,
      client_id: clientId,
      post_logout_redirect_uri: `${location.origin}/`
    }).toString();
    location.assign(url.toString());
  } else {
    location.assign('/');
  }
}
