/**
 * The parts of y-websocket 3.1's `WebsocketProvider` that connecting with tickets uses (kept
 * structural, so this package does not depend on y-websocket).
 */
export interface TicketedProvider {
  /** URL parameters, read by the provider on every (re)connect. */
  params: Record<string, string>;
  shouldConnect: boolean;
  wsUnsuccessfulReconnects: number;
  maxBackoffTime: number;
  // biome-ignore lint/suspicious/noExplicitAny: the provider's own CloseEvent type
  shouldReconnect: (event: any, provider: any) => boolean;
  connect(): void;
  disconnect(): void;
  // biome-ignore lint/suspicious/noExplicitAny: y-websocket's typed event map
  on(name: "connection-close", handler: (event: any, provider: any) => void): void;
}

/** Connecting a provider with a fresh collaboration ticket each time. */
export interface TicketedConnection {
  /** Connects (again) now with a new ticket, also after a permanent close. */
  reconnect(): void;
  /** Stops connecting (the caller destroys the provider). */
  stop(): void;
}

/**
 * Connects `provider` (created with `connect: false`) to the collaboration endpoint with a
 * new single-use ticket from `fetchTicket` before every connect and reconnect: the provider's
 * own retry would reuse the spent ticket, so it is paused on every close and resumed here,
 * and `provider.connect()` itself is made to fetch a ticket first.
 * A close the provider treats as permanent (4400–4499) is left to the caller. When
 * `fetchTicket` fails, `onTicketError` says whether to keep trying (with backoff).
 *
 * Every wait is jittered (between half and all of the exponential backoff): when a server
 * process dies, its clients come back spread out in time, and so spread over the processes
 * behind the load balancer instead of knocking on one at the same moment.
 */
export function connectWithTickets(
  provider: TicketedProvider,
  fetchTicket: () => string | Promise<string>,
  onTicketError: (error: unknown) => "retry" | "stop" = () => "retry",
  random: () => number = Math.random,
): TicketedConnection {
  let isActive = true;
  /** Whether a connection is wanted (connect() called, no disconnect() or permanent close). */
  let isWanted = false;
  let isOpening = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const backoff = (n: number) => reconnectDelay(n, provider.maxBackoffTime, random);
  // Whoever calls `provider.connect()` (the app, a test) gets a fresh ticket first.
  const connectNow = provider.connect.bind(provider);
  provider.connect = () => {
    isWanted = true;
    isActive = true;
    clearTimeout(timer);
    void open();
  };

  const disconnectNow = provider.disconnect.bind(provider);
  provider.disconnect = () => {
    isWanted = false;
    clearTimeout(timer);
    disconnectNow();
  };

  async function open(): Promise<void> {
    if (isOpening || !isActive) return;
    isOpening = true;
    try {
      // A ticket at hand (tests) connects at once, within this call.
      const pending = fetchTicket();
      const ticket = typeof pending === "string" ? pending : await pending;
      failures = 0;
      if (!isActive) return;
      const { token: _never, ...rest } = provider.params;
      provider.params = { ...rest, ticket };
      // The provider's own retry timers find shouldConnect false until now, so none of them
      // knocks with a spent ticket.
      if (isWanted) connectNow();
    } catch (error) {
      if (onTicketError(error) === "stop" || !isActive) return;
      failures += 1;
      timer = setTimeout(() => void open(), backoff(failures));
    } finally {
      isOpening = false;
    }
  }

  provider.on("connection-close", (event) => {
    // `disconnect()` clears shouldConnect first: nothing to resume then.
    if (!isActive || !provider.shouldConnect) {
      isWanted = false;
      return;
    }
    provider.shouldConnect = false;
    if (event != null && !provider.shouldReconnect(event, provider)) {
      isWanted = false;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => void open(), backoff(provider.wsUnsuccessfulReconnects + 1));
  });
  provider.connect();

  return {
    reconnect() {
      provider.disconnect();
      provider.connect();
    },
    stop() {
      isActive = false;
      clearTimeout(timer);
    },
  };
}

/**
 * The wait before reconnect attempt `attempt` (1, 2, …): 100 ms doubled per attempt up to
 * `maxMs`, of which a random half is taken off ("equal jitter").
 */
export function reconnectDelay(attempt: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(2 ** attempt * 100, maxMs);
  return ceiling / 2 + random() * (ceiling / 2);
}
