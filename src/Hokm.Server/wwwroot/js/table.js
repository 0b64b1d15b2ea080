// The game as this client sees it, updated from server messages (PROTOCOL.md "Server → client").
// A `state` message replaces everything; the other messages patch it.

export function emptyGame() {
  return {
    room: null,
    gameId: null,
    phase: 'waiting',
    seat: null,
    players: [null, null, null, null],
    hakem: null,
    trump: null,
    turn: null,
    deadline: null,
    hand: [],
    handCounts: [0, 0, 0, 0],
    trick: [],
    trickDone: false,
    trickWinner: null,
    tricks: { A: 0, B: 0 },
    score: { A: 0, B: 0 },
    handNumber: 0,
    version: 0,
    legal: [],
    draws: [],
    summary: null,
  };
}

export const teamOf = (seat) => (seat % 2 === 0 ? 'A' : 'B');

function playersBySeat(list) {
  const seats = [null, null, null, null];
  for (const p of list ?? []) {
    if (p && p.seat >= 0 && p.seat < 4) {
      seats[p.seat] = { seat: p.seat, playerId: p.playerId, name: p.name, bot: !!p.bot, connected: p.connected !== false };
    }
  }
  return seats;
}

/** Applies one server message to the game; returns the game to show (possibly a new one). */
export function apply(game, msg) {
  switch (msg.type) {
    case 'room_joined': {
      const fresh = game.room === msg.room ? game : emptyGame();
      fresh.room = msg.room;
      fresh.seat = msg.seat;
      fresh.players = playersBySeat(msg.players);
      return fresh;
    }
    case 'player_joined':
      game.players[msg.seat] = { seat: msg.seat, name: msg.name, bot: !!msg.bot, connected: true };
      return game;
    case 'player_left':
      game.players[msg.seat] = null;
      return game;
    case 'player_disconnected':
    case 'player_reconnected':
      if (game.players[msg.seat]) {
        game.players[msg.seat].connected = msg.type === 'player_reconnected';
      }
      return game;
    case 'hakem_chosen':
      game.hakem = msg.seat;
      game.draws = msg.draws ?? [];
      return game;
    case 'cards_dealt': {
      const cards = msg.cards ?? [];
      if (cards.length <= 5) {
        // The first five cards start a hand: the Hakem names trump next.
        game.phase = 'choosing_trump';
        game.trump = null;
        game.trick = [];
        game.trickDone = false;
        game.trickWinner = null;
        game.tricks = { A: 0, B: 0 };
        game.handNumber += 1;
        if (game.summary?.kind === 'hand') {
          game.summary = null;
        }
      }
      game.hand = cards;
      game.handCounts = [0, 1, 2, 3].map(() => cards.length);
      return game;
    }
    case 'trump_chosen':
      game.trump = msg.suit;
      game.hakem = msg.seat ?? game.hakem;
      game.phase = 'playing';
      return game;
    case 'turn':
      game.turn = msg.seat;
      game.deadline = msg.deadline ?? null;
      game.legal = msg.seat === game.seat ? (msg.legal ?? []) : [];
      return game;
    case 'card_played':
      if (game.trickDone) {
        game.trick = [];
        game.trickDone = false;
        game.trickWinner = null;
      }
      game.draws = [];
      game.phase = 'playing';
      game.trick.push({ seat: msg.seat, card: msg.card });
      game.handCounts[msg.seat] = Math.max(0, game.handCounts[msg.seat] - 1);
      if (msg.seat === game.seat) {
        game.hand = game.hand.filter((c) => c !== msg.card);
      }
      game.turn = null;
      game.deadline = null;
      game.legal = [];
      game.version = msg.version ?? game.version;
      return game;
    case 'trick_won':
      game.tricks = msg.tricks ?? game.tricks;
      game.trickDone = true;
      game.trickWinner = msg.seat;
      return game;
    case 'hand_over':
      game.phase = 'hand_over';
      game.score = msg.score ?? game.score;
      game.hakem = msg.nextHakem ?? game.hakem;
      game.turn = null;
      game.deadline = null;
      game.legal = [];
      game.summary = { kind: 'hand', team: msg.team, points: msg.points, kot: msg.kot, score: game.score };
      return game;
    case 'game_over':
      game.phase = 'game_over';
      game.score = msg.score ?? game.score;
      game.gameId = msg.gameId ?? game.gameId;
      game.turn = null;
      game.deadline = null;
      game.legal = [];
      game.summary = { kind: 'game', team: msg.team, score: game.score };
      return game;
    case 'state':
      return fromState(game, msg);
    default:
      return game;
  }
}

function fromState(previous, msg) {
  const game = emptyGame();
  game.room = msg.room ?? null;
  game.gameId = msg.gameId ?? null;
  game.phase = msg.phase ?? 'waiting';
  game.seat = msg.seat ?? null;
  game.players = playersBySeat(msg.players);
  game.hakem = msg.hakem ?? null;
  game.trump = msg.trump ?? null;
  game.turn = msg.turn ?? null;
  game.deadline = msg.deadline ?? null;
  game.hand = msg.hand ?? [];
  game.handCounts = msg.handCounts ?? [0, 0, 0, 0];
  game.trick = (msg.trick ?? []).map((t) => ({ seat: t.seat, card: t.card }));
  game.tricks = msg.tricks ?? { A: 0, B: 0 };
  game.score = msg.score ?? { A: 0, B: 0 };
  game.handNumber = msg.handNumber ?? 0;
  game.version = msg.version ?? 0;
  game.legal = game.turn === game.seat ? (msg.legal ?? []) : [];
  if (previous.room === game.room) {
    // Live-only details a snapshot does not carry: keep them while they still apply.
    if (game.handNumber <= 1 && game.trick.length === 0 && game.tricks.A + game.tricks.B === 0) {
      game.draws = previous.draws;
    }
    if (previous.summary && (game.phase === 'hand_over' || game.phase === 'game_over')) {
      game.summary = previous.summary;
    }
  }
  if (!game.summary && game.phase === 'game_over') {
    const team = game.score.A >= game.score.B ? 'A' : 'B';
    game.summary = { kind: 'game', team, score: game.score };
  }
  return game;
}
