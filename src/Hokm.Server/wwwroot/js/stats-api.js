// The statistics HTTP API (docs/data-layer.md, "HTTP"): GET with JSON answers; a refusal is a
// problem+json body (title, detail, errors per parameter) that the pages show as it is.

export class ApiError extends Error {
  constructor(status, title, detail = '', fields = {}) {
    super(detail ? `${title} ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fields = fields;
  }
}

function describeStatus(status) {
  switch (status) {
    case 400: return 'The server refused the request.';
    case 404: return 'Not found.';
    case 429: return 'Too many requests; wait a moment.';
    case 503: return 'The statistics are unavailable right now.';
    default: return `The server answered ${status}.`;
  }
}

/** GET a JSON resource; throws ApiError for a network failure or a non-2xx answer (AbortError passes through). */
export async function getJson(path, signal) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    throw new ApiError(0, 'Cannot reach the server.', 'Check the connection and try again.');
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    // Some answers have no body.
  }
  if (!response.ok) {
    const fields = data && typeof data.errors === 'object' && data.errors ? data.errors : {};
    throw new ApiError(response.status, typeof data?.title === 'string' ? data.title : describeStatus(response.status),
      typeof data?.detail === 'string' ? data.detail : '', fields);
  }
  return data;
}

/** Shows an error (ApiError or anything else) in a role="alert" box, as text only. */
export function showProblem(box, error) {
  if (!error) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const title = document.createElement('strong');
  title.className = 'problem-title';
  title.textContent = error instanceof ApiError
    ? (error.status ? `${error.title} (${error.status})` : error.title)
    : 'Something went wrong.';
  const parts = [title];
  const detail = error instanceof ApiError ? error.detail : String(error?.message ?? '');
  if (detail) {
    const p = document.createElement('p');
    p.textContent = detail;
    parts.push(p);
  }
  const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
  if (fields.length > 0) {
    const list = document.createElement('ul');
    for (const [name, messages] of fields) {
      const li = document.createElement('li');
      li.dataset.field = name;
      const code = document.createElement('code');
      code.textContent = name;
      li.append(code, `: ${[].concat(messages).join(' ')}`);
      list.append(li);
    }
    parts.push(list);
  }
  box.replaceChildren(...parts);
  box.hidden = false;
}

// ---------- formatting shared by the pages ----------

export const percent = (rate) => `${(rate * 100).toFixed(1)}%`;

/** A .NET TimeSpan as System.Text.Json writes it ("[d.]hh:mm:ss[.fffffff]") → seconds. */
export function timeSpanSeconds(value) {
  const match = /^(-)?(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(String(value ?? ''));
  if (!match) return null;
  const seconds = (Number(match[2] ?? 0) * 86400) + (Number(match[3]) * 3600) + (Number(match[4]) * 60) + Number(match[5]);
  return match[1] ? -seconds : seconds;
}

/** "20 min 5 s", "1 h 2 min 0 s". */
export function duration(value) {
  const total = timeSpanSeconds(value);
  if (total === null) return String(value ?? '—');
  const rounded = Math.round(total);
  const h = Math.floor(rounded / 3600);
  const m = Math.floor((rounded % 3600) / 60);
  const s = rounded % 60;
  return h > 0 ? `${h} h ${m} min ${s} s` : `${m} min ${s} s`;
}

/** "2026-11-23" (UTC) of an ISO time. */
export const utcDay = (iso) => new Date(iso).toISOString().slice(0, 10);
