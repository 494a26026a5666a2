import type { WebsocketProvider } from "y-websocket";

/** Someone with the document open, as their awareness state says (name and role stamped by the server). */
export interface CollabPeer {
  clientId: number;
  name: string;
  role: string;
  color: string;
  /** The guide section they are looking at, if they share it. */
  section: string | null;
  /** This device's own presence. */
  isSelf: boolean;
}

/** Everyone present according to the provider's awareness, this device included. */
export function peersOf(provider: WebsocketProvider): CollabPeer[] {
  const peers: CollabPeer[] = [];
  provider.awareness.getStates().forEach((state, clientId) => {
    const user = state.user as Record<string, unknown> | undefined;
    if (!user || typeof user.name !== "string") return;
    peers.push({
      clientId,
      name: user.name,
      role: typeof user.role === "string" ? user.role : "",
      color: typeof user.color === "string" ? user.color : "",
      section: typeof state.section === "string" ? state.section : null,
      isSelf: clientId === provider.doc.clientID,
    });
  });
  return peers;
}

/**
 * Stock y-websocket re-sends every presence it hears of, others' included, and the server must
 * not let anyone speak for another client. Makes the provider send only this device's own
 * presence; returns how to undo that.
 */
export function sendOnlyOwnPresence(provider: WebsocketProvider): () => void {
  const send = provider._awarenessUpdateHandler;
  const own = provider.doc.clientID;
  provider.awareness.off("update", send);
  const sendOwn = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if ([...added, ...updated, ...removed].includes(own)) {
      send({ added: [], updated: [own], removed: [] }, origin);
    }
  };
  provider.awareness.on("update", sendOwn);
  return () => provider.awareness.off("update", sendOwn);
}
