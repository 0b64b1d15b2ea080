// Cards as the protocol writes them: rank then suit letter ("AS", "10H", "QD").

export const SUITS = {
  S: { name: 'spades', symbol: '♠' },
  H: { name: 'hearts', symbol: '♥' },
  D: { name: 'diamonds', symbol: '♦' },
  C: { name: 'clubs', symbol: '♣' },
};

const RANK_NAMES = { J: 'Jack', Q: 'Queen', K: 'King', A: 'Ace' };
const RANK_ORDER = ['2', '3', '4', '5', '6', '7', '8', '9', '10', 'J', 'Q', 'K', 'A'];
// Alternate black and red so neighbouring suits in a hand are easy to tell apart.
const SUIT_ORDER = ['S', 'H', 'C', 'D'];

export function parseCard(card) {
  return { rank: card.slice(0, -1), suit: card.slice(-1) };
}

/** "Queen of hearts", "10 of clubs". */
export function cardName(card) {
  const { rank, suit } = parseCard(card);
  return `${RANK_NAMES[rank] ?? rank} of ${SUITS[suit]?.name ?? suit}`;
}

export function suitName(suit) {
  return SUITS[suit]?.name ?? suit;
}

/** Grouped by suit, highest first within a suit. */
export function sortHand(cards) {
  return [...cards].sort((a, b) => {
    const x = parseCard(a);
    const y = parseCard(b);
    return SUIT_ORDER.indexOf(x.suit) - SUIT_ORDER.indexOf(y.suit)
      || RANK_ORDER.indexOf(y.rank) - RANK_ORDER.indexOf(x.rank);
  });
}

/** The face of a card: rank, suit symbol and suit letter, so colour is never the only signal. */
export function cardFace(element, card) {
  const { rank, suit } = parseCard(card);
  element.classList.add('card', `suit-${suit}`);
  element.dataset.card = card;
  element.replaceChildren();
  const rankEl = document.createElement('span');
  rankEl.className = 'rank';
  rankEl.textContent = rank;
  const symbol = document.createElement('span');
  symbol.className = 'symbol';
  symbol.textContent = SUITS[suit]?.symbol ?? '?';
  const letter = document.createElement('span');
  letter.className = 'letter';
  letter.textContent = suit;
  for (const part of [rankEl, symbol, letter]) {
    part.setAttribute('aria-hidden', 'true');
    element.append(part);
  }
  return element;
}
