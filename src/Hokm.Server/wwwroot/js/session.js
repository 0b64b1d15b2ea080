// Sign-in over HTTP (PROTOCOL.md "Authentication"); the token is kept in localStorage so a
// reload or a new tab resumes the same player.

const KEY = 'hokm.session';

export function loadSession() {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    return value && typeof value.token === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function saveSession(session) {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession() {
  localStorage.removeItem(KEY);
}

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  let data = null;
  try {
    data = await response.json();
  } catch {
    // Some errors have no body.
  }
  if (!response.ok) {
    const detail = data?.detail ?? data?.title ?? describeStatus(response.status);
    const errors = data?.errors ? Object.values(data.errors).flat().join(' ') : '';
    throw new Error(errors ? `${detail} ${errors}` : detail);
  }
  return { playerId: data.playerId, name: data.name, token: data.token };
}

function describeStatus(status) {
  switch (status) {
    case 401: return 'Wrong username or password.';
    case 409: return 'That username is taken.';
    case 429: return 'Too many attempts; wait a moment.';
    default: return `The server answered ${status}.`;
  }
}

export const signInAsGuest = (name) => post('/api/auth/guest', { name });
export const logIn = (username, password) => post('/api/auth/login', { username, password });
export const register = (username, password, displayName) =>
  post('/api/auth/register', displayName ? { username, password, displayName } : { username, password });
