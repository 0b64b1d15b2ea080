// One WebSocket to /ws that reconnects by itself with exponential backoff (PROTOCOL.md
// "Connection life"). The server replays room_joined + state on connect, so nothing else is
// needed to resume.

const PING_EVERY_MS = 20000;

export class Connection {
  #token;
  #handlers;
  #socket = null;
  #attempt = 0;
  #retryTimer = 0;
  #pingTimer = 0;
  #stopped = false;
  #nextId = 1;

  /**
   * @param {string} token
   * @param {{ message(msg): void, open(): void, lost(delayMs: number, attempt: number): void, replaced(): void }} handlers
   */
  constructor(token, handlers) {
    this.#token = token;
    this.#handlers = handlers;
  }

  get isOpen() {
    return this.#socket?.readyState === WebSocket.OPEN;
  }

  connect() {
    this.#stopped = false;
    clearTimeout(this.#retryTimer);
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/ws?access_token=${encodeURIComponent(this.#token)}`);
    this.#socket = socket;
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      this.#attempt = 0;
      clearInterval(this.#pingTimer);
      this.#pingTimer = setInterval(() => this.send({ type: 'ping' }), PING_EVERY_MS);
      this.#handlers.open();
    });
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      try {
        this.#handlers.message(message);
      } catch (error) {
        // A bad frame must never break the page; the next state redraws everything.
        console.error('hokm: could not handle', message, error);
      }
    });
    socket.addEventListener('close', (event) => {
      if (socket !== this.#socket) {
        return;
      }
      clearInterval(this.#pingTimer);
      if (this.#stopped) {
        return;
      }
      if (event.code === 4001) {
        // Another tab took over this player: do not fight it for the seat.
        this.#handlers.replaced();
        return;
      }
      this.#attempt = opened ? 1 : this.#attempt + 1;
      const base = Math.min(10000, 500 * 2 ** (this.#attempt - 1));
      const delay = Math.round(base / 2 + Math.random() * base / 2);
      this.#handlers.lost(delay, this.#attempt);
      this.#retryTimer = setTimeout(() => this.connect(), delay);
    });
  }

  /** Sends a message; false when the socket is not open (the next state will resync). */
  send(message) {
    if (!this.isOpen) {
      return false;
    }
    this.#socket.send(JSON.stringify({ id: String(this.#nextId++), ...message }));
    return true;
  }

  close() {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    clearInterval(this.#pingTimer);
    this.#socket?.close(1000);
    this.#socket = null;
  }
}
