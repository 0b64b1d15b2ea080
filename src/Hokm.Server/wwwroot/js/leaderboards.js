// The leaderboards page: global (rating), this week and this month (wins), the top N and the
// signed-in player's place with the players around them. Names are always set as text.
import { getJson, showProblem, utcDay } from './stats-api.js';

const $ = (id) => document.getElementById(id);
const BOARDS = ['global', 'weekly', 'monthly'];

/** A rating or a count of wins, as a whole number. */
const formatScore = (score) => String(Math.round(score));

function nameOf(names, playerId) {
  const name = names?.[playerId];
  return typeof name === 'string' && name ? name : `Player ${playerId.slice(0, 8)}`;
}

function periodText(board) {
  if (board.type === 'global') return 'All time, by rating.';
  const start = board.periodStart ? utcDay(board.periodStart) : '?';
  const last = board.periodEnd ? utcDay(new Date(Date.parse(board.periodEnd) - 86_400_000).toISOString()) : '?';
  const what = board.type === 'weekly' ? `Week ${board.period}` : `Month ${board.period}`;
  return `${what} (${start} to ${last}, UTC), by games won.`;
}

function rows(body, entries, names, me) {
  body.replaceChildren(...entries.map((entry) => {
    const tr = document.createElement('tr');
    tr.dataset.playerId = entry.playerId;
    tr.dataset.rank = entry.rank;
    const rank = document.createElement('td');
    rank.className = 'rank';
    rank.textContent = String(entry.rank);
    const name = document.createElement('td');
    name.className = 'name';
    name.textContent = nameOf(names, entry.playerId);
    const score = document.createElement('td');
    score.className = 'score num';
    score.textContent = formatScore(entry.score);
    if (entry.playerId === me) {
      tr.classList.add('me');
      tr.setAttribute('aria-current', 'true');
      const you = document.createElement('span');
      you.className = 'you';
      you.textContent = ' (you)';
      name.prepend('▶ ');
      name.append(you);
    }
    tr.append(rank, name, score);
    return tr;
  }));
}

export class Leaderboards {
  constructor(getSession) {
    this.getSession = getSession;
    this.type = 'global';
    this.request = null;
    for (const button of $('lb-boards').querySelectorAll('button[data-board]')) {
      button.addEventListener('click', () => this.select(button.dataset.board));
    }
    // ←/→ move between the three board buttons as well as Tab does.
    $('lb-boards').addEventListener('keydown', (e) => {
      if (!['ArrowLeft', 'ArrowRight'].includes(e.key)) return;
      const buttons = [...$('lb-boards').querySelectorAll('button')];
      const at = buttons.indexOf(document.activeElement);
      if (at < 0) return;
      buttons[(at + (e.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length].focus();
      e.preventDefault();
    });
    $('lb-limit').addEventListener('change', () => this.load());
    $('lb-refresh').addEventListener('click', () => this.load());
  }

  select(type) {
    if (!BOARDS.includes(type)) return;
    this.type = type;
    this.load();
  }

  async load() {
    const session = this.getSession();
    for (const button of $('lb-boards').querySelectorAll('button[data-board]')) {
      button.setAttribute('aria-pressed', String(button.dataset.board === this.type));
    }
    for (const head of document.querySelectorAll('.lb-score-head')) {
      head.textContent = this.type === 'global' ? 'Rating' : 'Wins';
    }
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    const section = $('leaderboards');
    section.setAttribute('aria-busy', 'true');
    section.dataset.state = 'loading';
    const params = new URLSearchParams({ limit: $('lb-limit').value, names: 'true' });
    if (session?.playerId) params.set('around', session.playerId);
    this.loadLive(request.signal);
    try {
      const data = await getJson(`/api/leaderboards/${this.type}?${params}`, request.signal);
      if (request.signal.aborted) return;
      showProblem($('lb-error'), null);
      this.render(data, session?.playerId ?? null);
      section.dataset.state = 'ready';
    } catch (error) {
      if (error?.name === 'AbortError' || request.signal.aborted) return;
      showProblem($('lb-error'), error);
      $('lb-top').querySelector('tbody').replaceChildren();
      $('lb-around').querySelector('tbody').replaceChildren();
      $('lb-me').textContent = '';
      section.dataset.state = 'error';
    } finally {
      if (this.request === request) section.removeAttribute('aria-busy');
    }
  }

  async loadLive(signal) {
    try {
      const live = await getJson('/api/analytics/live', signal);
      $('live').textContent = `Now: ${live.activeGames} active game${live.activeGames === 1 ? '' : 's'}, ${live.concurrentPlayers} player${live.concurrentPlayers === 1 ? '' : 's'} online.`;
    } catch {
      $('live').textContent = ''; // Only a nicety: the board says what went wrong, if anything.
    }
  }

  render(data, me) {
    const board = data.board;
    const type = String(board.type).toLowerCase();
    $('leaderboards').dataset.board = type;
    $('lb-period').textContent = periodText({ ...board, type });
    $('lb-top-title').textContent = `Top ${$('lb-limit').value}`;
    rows($('lb-top').querySelector('tbody'), board.entries, data.names, me);
    $('lb-top').hidden = board.entries.length === 0;
    $('lb-top-empty').hidden = board.entries.length > 0;

    const around = data.around;
    const player = around?.player;
    if (player) {
      const what = type === 'global' ? `a rating of ${formatScore(player.score)}` : `${formatScore(player.score)} win${player.score === 1 ? '' : 's'}`;
      $('lb-me').textContent = `You are #${player.rank} with ${what}.`;
      rows($('lb-around').querySelector('tbody'), around.neighbours, data.names, me);
      $('lb-around').hidden = false;
    } else {
      $('lb-me').textContent = type === 'global'
        ? 'You are not on this board yet: finish a game to get a rating.'
        : `You are not on this board yet: win a game this ${type === 'weekly' ? 'week' : 'month'}.`;
      $('lb-around').querySelector('tbody').replaceChildren();
      $('lb-around').hidden = true;
    }
  }
}
