// The Hokm web client: sign-in, lobby and table over PROTOCOL.md; leaderboards and the
// performance report over the statistics HTTP API.
import { cardFace, cardName, sortHand, SUITS, suitName } from './cards.js';
import { Connection } from './connection.js';
import { Leaderboards } from './leaderboards.js';
import { Report } from './report.js';
import { clearSession, loadSession, logIn, register, saveSession, signInAsGuest } from './session.js';
import { apply, emptyGame, teamOf } from './table.js';

const $ = (id) => document.getElementById(id);
const POSITIONS = ['bottom', 'right', 'top', 'left']; // counter-clockwise, as Hokm is played

let session = loadSession();
let connection = null;
let game = emptyGame();
let serverOffsetMs = 0;
let welcomed = false;
let pendingRoom = readRoomParameter();
let quietReplies = new Set();
let shownPage = null;
const leaderboards = new Leaderboards(() => session);
const report = new Report(() => session);

// ---------- views ----------

function show(view) {
  for (const id of ['signin', 'lobby', 'table', 'leaderboards', 'report']) {
    $(id).hidden = id !== view;
  }
}

/** The page chosen in the navigation (the address's #fragment): play, leaderboards or report. */
function currentPage() {
  const page = location.hash.slice(1);
  return page === 'leaderboards' || page === 'report' ? page : 'play';
}

function renderNav(page) {
  $('nav').hidden = !session;
  for (const link of $('nav').querySelectorAll('a[data-page]')) {
    if (link.dataset.page === page) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  $('nav-play').textContent = game.room ? 'Table' : 'Play';
}

/** Shows a statistics page; loads it fresh each time it is opened. */
function renderStatsPage(page, userNavigated) {
  show(page);
  if (shownPage === page) return;
  shownPage = page;
  document.title = page === 'leaderboards' ? 'Hokm — leaderboards' : 'Hokm — my stats';
  if (page === 'leaderboards') leaderboards.load(); else report.show();
  if (userNavigated) $(page === 'leaderboards' ? 'lb-title' : 'report-title').focus();
}

function render(userNavigated = false) {
  $('who').hidden = !session;
  $('who-name').textContent = session?.name ?? '';
  const page = currentPage();
  renderNav(page);
  if (!session) {
    shownPage = null;
    show('signin');
    return;
  }
  if (page !== 'play') {
    renderStatsPage(page, userNavigated);
    return;
  }
  shownPage = 'play';
  if (!game.room) {
    show('lobby');
    // Nothing can be sent before the server's welcome: the lobby waits for it.
    const ready = welcomed && !!connection?.isOpen;
    for (const control of $('lobby').querySelectorAll('button, select, input')) control.disabled = !ready;
    $('lobby-status').textContent = ready ? '' : (pendingRoom ? `Joining room ${pendingRoom}…` : 'Connecting to the game server…');
    document.title = 'Hokm — lobby';
    return;
  }
  show('table');
  document.title = `Hokm — room ${game.room}`;
  renderTable();
}

function positionOf(seat) {
  const mine = game.seat ?? 0;
  return POSITIONS[(seat - mine + 4) % 4];
}

function playerLabel(seat) {
  const p = game.players[seat];
  return p ? p.name : `Seat ${seat + 1}`;
}

function renderTable() {
  const table = $('table');
  table.dataset.phase = game.phase;
  table.dataset.turn = game.turn ?? '';
  table.dataset.mySeat = game.seat ?? '';
  table.dataset.tricksPlayed = (game.tricks?.A ?? 0) + (game.tricks?.B ?? 0);
  $('room-code').textContent = game.room;
  $('trump').textContent = game.trump ? `${SUITS[game.trump].symbol} ${suitName(game.trump)} (${game.trump})` : 'not chosen';
  $('trump').className = game.trump ? `suit-${game.trump}` : '';
  const mine = game.seat === null ? null : teamOf(game.seat);
  const teams = (value) => ['A', 'B'].map((t) => `${t}${t === mine ? ' (you)' : ''} ${value?.[t] ?? 0}`).join(' · ');
  $('tricks').textContent = teams(game.tricks);
  $('score').textContent = teams(game.score);

  const waiting = game.phase === 'waiting' && !game.gameId && game.handNumber === 0 && game.hand.length === 0;
  $('waiting').hidden = !waiting;
  if (waiting) {
    renderWaiting();
  }
  renderSeats();
  renderTrick();
  renderDraws();
  renderTrumpChooser();
  renderSummary();
  renderHand();
  updateCountdown();
}

function renderWaiting() {
  const link = `${location.origin}/?room=${game.room}`;
  if ($('share-link').value !== link) {
    $('share-link').value = link;
  }
  const list = $('waiting-players');
  list.replaceChildren(...[0, 1, 2, 3].map((seat) => {
    const li = document.createElement('li');
    const p = game.players[seat];
    li.dataset.seat = seat;
    li.textContent = p
      ? `${p.name}${p.bot ? ' (bot)' : ''}${seat === game.seat ? ' (you)' : ''} — team ${teamOf(seat)} — ${p.connected ? 'connected' : 'disconnected'}`
      : `Seat ${seat + 1} — open`;
    li.className = p ? (p.connected ? 'online' : 'offline') : 'open';
    return li;
  }));
  $('add-bot').disabled = game.players.every((p) => p);
}

function renderSeats() {
  for (const seat of [0, 1, 2, 3]) {
    const el = document.querySelector(`.seat[data-pos="${positionOf(seat)}"]`);
    const p = game.players[seat];
    el.dataset.seat = seat;
    el.classList.toggle('is-turn', game.turn === seat);
    el.classList.toggle('offline', !!p && !p.connected);
    const parts = [];
    const name = document.createElement('div');
    name.className = 'name';
    name.textContent = `${playerLabel(seat)}${seat === game.seat ? ' (you)' : ''}`;
    parts.push(name);
    const meta = document.createElement('div');
    meta.className = 'meta';
    const badge = (text, cls) => {
      const span = document.createElement('span');
      span.className = `badge ${cls}`;
      span.textContent = text;
      meta.append(span);
    };
    badge(`Team ${teamOf(seat)}`, `team-${teamOf(seat)}`);
    if (game.hakem === seat) badge('♛ Hakem', 'hakem');
    if (p?.bot) badge('Bot', 'bot');
    if (p) badge(p.connected ? '● online' : '○ offline', p.connected ? 'online' : 'offline');
    if (game.handCounts[seat] || game.hand.length) badge(`${game.handCounts[seat] ?? 0} cards`, 'count');
    parts.push(meta);
    const turn = document.createElement('div');
    turn.className = 'turn-marker';
    turn.textContent = game.turn === seat ? (game.phase === 'choosing_trump' ? '▶ choosing trump' : '▶ to play') : '';
    parts.push(turn);
    el.replaceChildren(...parts);
    el.setAttribute('aria-label', `${name.textContent}, team ${teamOf(seat)}${game.hakem === seat ? ', Hakem' : ''}`);
  }
}

function renderTrick() {
  for (const slot of document.querySelectorAll('#trick .slot')) {
    slot.replaceChildren();
    slot.classList.remove('winner');
  }
  for (const { seat, card } of game.trick) {
    const slot = document.querySelector(`#trick .slot[data-pos="${positionOf(seat)}"]`);
    const el = cardFace(document.createElement('div'), card);
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', `${cardName(card)}, played by ${playerLabel(seat)}`);
    el.dataset.seat = seat;
    slot.append(el);
    slot.classList.toggle('winner', game.trickDone && game.trickWinner === seat);
  }
}

function renderDraws() {
  const show = game.draws.length > 0 && game.trick.length === 0 && game.phase !== 'waiting';
  $('draws').hidden = !show;
  if (!show) return;
  $('draws-list').replaceChildren(...game.draws.map(({ seat, card }) => {
    const li = document.createElement('li');
    const face = cardFace(document.createElement('span'), card);
    face.classList.add('small');
    const who = document.createElement('span');
    who.textContent = playerLabel(seat);
    const what = document.createElement('span');
    what.className = 'visually-hidden';
    what.textContent = `: ${cardName(card)}`;
    li.append(face, who, what);
    li.classList.toggle('ace', card.startsWith('A'));
    return li;
  }));
}

function renderTrumpChooser() {
  const mine = game.phase === 'choosing_trump' && !game.trump && game.hakem === game.seat && game.hand.length > 0;
  const chooser = $('trump-chooser');
  const wasHidden = chooser.hidden;
  chooser.hidden = !mine;
  if (mine && wasHidden && isFocusFree()) {
    chooser.querySelector('button').focus();
  }
}

function renderSummary() {
  const s = game.summary;
  $('summary').hidden = !s;
  $('summary-lobby').hidden = s?.kind !== 'game';
  if (!s) return;
  const mine = game.seat === null ? null : teamOf(game.seat);
  const who = (team) => `Team ${team}${team === mine ? ' (you)' : ''}`;
  const score = `Score: A ${s.score.A} – B ${s.score.B}.`;
  if (s.kind === 'game') {
    $('summary-title').textContent = 'Game over';
    $('summary-text').textContent = `${who(s.team)} wins the game. ${score}`;
  } else {
    const kot = s.kot === 'hakem_kot' ? ' Hakem Kot — the Hakem\'s team took no trick!'
      : s.kot === 'kot' ? ' Kot — a 7–0 sweep!' : '';
    $('summary-title').textContent = 'Hand over';
    $('summary-text').textContent = `${who(s.team)} wins the hand, +${s.points} point${s.points === 1 ? '' : 's'}.${kot} ${score}`;
  }
}

function isFocusFree() {
  const active = document.activeElement;
  return !active || active === document.body || !!active.closest?.('#hand') || !!active.closest?.('#summary');
}

function renderHand() {
  const hand = $('hand');
  const focused = document.activeElement?.closest?.('#hand') ? document.activeElement.dataset.card : null;
  const myTurn = game.turn === game.seat && game.phase === 'playing' && game.trump;
  const legal = new Set(myTurn ? game.legal : []);
  const buttons = sortHand(game.hand).map((card) => {
    const button = cardFace(document.createElement('button'), card);
    button.type = 'button';
    button.setAttribute('aria-label', cardName(card));
    button.disabled = !legal.has(card);
    button.classList.toggle('legal', legal.has(card));
    return button;
  });
  hand.replaceChildren(...buttons);
  $('hand-title').textContent = myTurn ? 'Your hand — your turn: pick a card' : 'Your hand';
  const again = focused && hand.querySelector(`button[data-card="${focused}"]:not(:disabled)`);
  if (again) {
    again.focus();
  } else if (myTurn && isFocusFree()) {
    hand.querySelector('button:not(:disabled)')?.focus();
  }
}

function updateCountdown() {
  const info = $('turn-info');
  if (!game.room || game.turn === null || !game.deadline) {
    info.textContent = game.phase === 'game_over' ? 'Game over' : '';
    return;
  }
  const left = Math.max(0, Math.ceil((Date.parse(game.deadline) - (Date.now() + serverOffsetMs)) / 1000));
  const who = game.turn === game.seat ? 'Your turn' : `${playerLabel(game.turn)}'s turn`;
  const what = game.phase === 'choosing_trump' ? ' to choose trump' : '';
  info.textContent = `${who}${what} — ${left} s`;
  const marker = document.querySelector(`.seat[data-seat="${game.turn}"] .turn-marker`);
  if (marker) {
    marker.textContent = `${game.phase === 'choosing_trump' ? '▶ choosing trump' : '▶ to play'} · ${left} s`;
  }
}

// ---------- messages ----------

function toast(text) {
  const box = $('toasts');
  const item = document.createElement('div');
  item.className = 'toast';
  item.textContent = text;
  box.append(item);
  while (box.children.length > 3) box.firstElementChild.remove();
  setTimeout(() => item.remove(), 4000);
}

function banner(text, action = null) {
  $('banner').hidden = !text;
  $('banner-text').textContent = text ?? '';
  const button = $('banner-action');
  button.hidden = !action;
  if (action) {
    button.textContent = action.label;
    button.onclick = action.run;
  }
}

function send(message, { quiet = false } = {}) {
  if (!connection?.send(message)) {
    toast('Not connected — trying again shortly.');
    return;
  }
  if (quiet) quietReplies.add(message.type);
}

function onMessage(msg) {
  switch (msg.type) {
    case 'welcome':
      welcomed = true;
      serverOffsetMs = msg.serverTime ? Date.parse(msg.serverTime) - Date.now() : 0;
      if (session && msg.name && session.name !== msg.name) {
        session = { ...session, name: msg.name, playerId: msg.playerId };
        saveSession(session);
      }
      banner(null);
      render();
      // A seated player also gets room_joined + state; sync tells an unseated one apart.
      send({ type: 'sync' });
      break;
    case 'pong':
      break;
    case 'error':
      if (!quietReplies.has('leave_room') || msg.code !== 'not_seated') {
        toast(msg.message ? `${msg.message}` : `Error: ${msg.code}`);
      }
      quietReplies.clear();
      if (msg.code === 'room_not_found' || msg.code === 'room_full') {
        setRoomParameter(null);
      }
      break;
    default: {
      const before = game.room;
      game = apply(game, msg);
      if (msg.type === 'state' && !game.room && pendingRoom) {
        const room = pendingRoom;
        pendingRoom = null;
        send({ type: 'join_room', room });
      } else if (msg.type === 'room_joined' || msg.type === 'state') {
        pendingRoom = null;
      }
      if (game.room !== before || msg.type === 'room_joined') {
        setRoomParameter(game.room);
      }
      render();
    }
  }
}

// ---------- connection ----------

function connect() {
  connection?.close();
  welcomed = false;
  connection = new Connection(session.token, {
    open() {},
    message: onMessage,
    lost(delay, attempt) {
      welcomed = false;
      render();
      const seconds = Math.max(1, Math.round(delay / 1000));
      const text = attempt > 3
        ? `Cannot reach the game server (attempt ${attempt}); retrying in ${seconds} s.`
        : `Connection lost — reconnecting in ${seconds} s…`;
      banner(text, attempt > 3 ? { label: 'Sign in again', run: signOut } : null);
    },
    replaced() {
      banner('This game was opened in another tab or window.', { label: 'Play here', run: () => { banner(null); connect(); } });
    },
  });
  connection.connect();
}

function signedIn(result) {
  session = result;
  saveSession(session);
  game = emptyGame();
  render();
  connect();
}

function signOut() {
  connection?.close();
  connection = null;
  clearSession();
  session = null;
  game = emptyGame();
  banner(null);
  setRoomParameter(null);
  render();
}

// ---------- URL ----------

function readRoomParameter() {
  const code = new URLSearchParams(location.search).get('room');
  return code && /^[A-Za-z2-9]{6}$/.test(code) ? code.toUpperCase() : null;
}

function setRoomParameter(room) {
  const url = new URL(location.href);
  if (room) url.searchParams.set('room', room); else url.searchParams.delete('room');
  if (url.href !== location.href) history.replaceState(null, '', url);
}

// ---------- UI events ----------

async function submitWith(form, action) {
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    signedIn(await action(new FormData(form)));
  } catch (error) {
    toast(error.message || 'Sign-in failed.');
  } finally {
    button.disabled = false;
  }
}

function wire() {
  $('guest-form').addEventListener('submit', (e) => {
    e.preventDefault();
    submitWith(e.target, (data) => signInAsGuest(data.get('name').trim()));
  });
  $('login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    submitWith(e.target, (data) => logIn(data.get('username').trim(), data.get('password')));
  });
  $('register-form').addEventListener('submit', (e) => {
    e.preventDefault();
    submitWith(e.target, (data) => register(data.get('username').trim(), data.get('password'), data.get('displayName').trim()));
  });
  $('sign-out').addEventListener('click', signOut);
  $('create-form').addEventListener('submit', (e) => {
    e.preventDefault();
    send({ type: 'create_room', bots: Number($('create-bots').value), targetScore: Number($('create-target').value) });
  });
  $('join-form').addEventListener('submit', (e) => {
    e.preventDefault();
    send({ type: 'join_room', room: $('join-code').value.trim().toUpperCase() });
  });
  $('quick-match').addEventListener('click', () => send({ type: 'quick_match' }));
  $('add-bot').addEventListener('click', () => send({ type: 'add_bot' }));
  $('copy-link').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('share-link').value);
      toast('Link copied.');
    } catch {
      $('share-link').select();
    }
  });
  const backToLobby = () => {
    send({ type: 'leave_room' }, { quiet: true });
    game = emptyGame();
    setRoomParameter(null);
    render();
  };
  $('leave').addEventListener('click', () => {
    if (game.phase === 'game_over' || game.phase === 'waiting' || confirm('Leave the game? A bot takes your seat.')) backToLobby();
  });
  $('summary-lobby').addEventListener('click', backToLobby);
  $('trump-chooser').addEventListener('click', (e) => {
    const button = e.target.closest('button[data-suit]');
    if (button) send({ type: 'choose_trump', suit: button.dataset.suit });
  });
  $('hand').addEventListener('click', (e) => {
    const button = e.target.closest('button[data-card]');
    if (!button || button.disabled || !game.legal.includes(button.dataset.card)) return;
    for (const b of $('hand').querySelectorAll('button')) b.disabled = true;
    send({ type: 'play_card', card: button.dataset.card });
  });
  // Arrow keys move between playable cards; Enter or Space plays (buttons do that already).
  $('hand').addEventListener('keydown', (e) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    const cards = [...$('hand').querySelectorAll('button:not(:disabled)')];
    if (cards.length === 0) return;
    const at = cards.indexOf(document.activeElement);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? cards.length - 1
      : (at + (e.key === 'ArrowRight' ? 1 : -1) + cards.length) % cards.length;
    cards[next].focus();
    e.preventDefault();
  });
  window.addEventListener('hashchange', () => render(true));
  setInterval(updateCountdown, 250);
}

wire();
render();
if (session) {
  connect();
} else if (pendingRoom) {
  $('guest-name').focus();
}
