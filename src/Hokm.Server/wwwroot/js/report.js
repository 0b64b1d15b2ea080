// The performance report page: the signed-in player's numbers over a date range (UTC days, the
// end day included) and the weekly trend as an SVG chart, from GET /api/players/{id}/stats.
import { trendChart } from './chart.js';
import { duration, getJson, percent, showProblem } from './stats-api.js';
import { SUITS } from './cards.js';

const $ = (id) => document.getElementById(id);
const DAY_MS = 86_400_000;
const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);

function stat(key, label, value, note = '') {
  const box = document.createElement('div');
  box.className = 'stat';
  box.dataset.stat = key;
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  dd.textContent = value;
  box.append(dt, dd);
  if (note) {
    const small = document.createElement('dd');
    small.className = 'note';
    small.textContent = note;
    box.append(small);
  }
  return box;
}

export class Report {
  constructor(getSession) {
    this.getSession = getSession;
    this.request = null;
    $('report-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.load();
    });
  }

  /** Called when the page is shown: the last 12 weeks unless the person chose a range. */
  show() {
    if (!$('report-from').value || !$('report-to').value) {
      const today = Date.now();
      $('report-to').value = dayOf(today);
      $('report-from').value = dayOf(today - (83 * DAY_MS));
    }
    this.load();
  }

  async load() {
    const session = this.getSession();
    if (!session?.playerId) return;
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    const section = $('report');
    section.dataset.state = 'loading';
    section.setAttribute('aria-busy', 'true');
    $('report-status').textContent = 'Loading…';
    // The end day is included: the API's `to` is exclusive, so ask for the next midnight.
    const from = `${$('report-from').value}T00:00:00Z`;
    const toDay = Date.parse(`${$('report-to').value}T00:00:00Z`);
    const to = Number.isNaN(toDay) ? `${$('report-to').value}` : new Date(toDay + DAY_MS).toISOString();
    const params = new URLSearchParams({ from, to });
    try {
      const data = await getJson(`/api/players/${encodeURIComponent(session.playerId)}/stats?${params}`, request.signal);
      if (request.signal.aborted) return;
      showProblem($('report-error'), null);
      this.render(data);
      $('report-status').textContent = `${data.report.games} game${data.report.games === 1 ? '' : 's'} from ${$('report-from').value} to ${$('report-to').value}.`;
      section.dataset.state = 'ready';
    } catch (error) {
      if (error?.name === 'AbortError' || request.signal.aborted) return;
      if (error?.status === 404) {
        error.detail = error.detail || 'This player has no account on this server.';
      }
      showProblem($('report-error'), error);
      $('report-body').hidden = true;
      $('report-status').textContent = '';
      section.dataset.state = 'error';
    } finally {
      if (this.request === request) section.removeAttribute('aria-busy');
    }
  }

  render({ totals, report }) {
    const trumps = Object.entries(report.trumpChoices ?? {})
      .sort((a, b) => b[1] - a[1])
      .map(([suit, hands]) => `${SUITS[suit]?.symbol ?? ''} ${suit} ${hands}`).join(' · ');
    $('report-stats').replaceChildren(
      stat('games', 'Games', String(report.games)),
      stat('wins', 'Wins', String(report.wins)),
      stat('winRate', 'Win rate', percent(report.winRate)),
      stat('tricksPerHand', 'Tricks per hand', report.tricksPerHand.toFixed(2), `${report.tricks} tricks in ${report.hands} hands (your team)`),
      stat('hakemSuccessRate', 'Hakem success', percent(report.hakemSuccessRate), `${report.hakemWins} of ${report.hakemHands} hands won as Hakem`),
      stat('kots', 'Kots made', String(report.kots)),
      stat('kotsSuffered', 'Kots suffered', String(report.kotsSuffered)),
      stat('averageGameLength', 'Average game length', duration(report.averageGameLength)),
      stat('rating', 'Rating (now)', totals ? String(Math.round(totals.rating)) : '—', totals ? 'all time' : 'no finished game yet'),
      stat('trumpChoices', 'Trump chosen as Hakem', trumps || '—'),
    );

    const weeks = report.weeklyTrend ?? [];
    $('trend-empty').hidden = weeks.length > 0;
    $('trend').replaceChildren(...(weeks.length > 0 ? [trendChart(weeks)] : []));
    $('trend-table').querySelector('tbody').replaceChildren(...weeks.map((w) => {
      const tr = document.createElement('tr');
      for (const [text, numeric] of [[w.week, false], [String(w.games), true], [String(w.wins), true], [percent(w.winRate), true]]) {
        const td = document.createElement('td');
        td.textContent = text;
        if (numeric) td.className = 'num';
        tr.append(td);
      }
      return tr;
    }));
    $('report-body').hidden = false;
  }
}
