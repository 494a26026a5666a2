import { currentAccessToken } from "../composables/useSession";

/** `collabTicket` was refused; `code` is the GraphQL error code (e.g. UNAUTHENTICATED). */
export class TicketRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Asks the server for a single-use ticket (valid seconds) that opens the document `docName`
 * for whoever is signed in now. The collaboration socket carries the ticket, never the access
 * token, so no proxy or server log ever holds a usable token.
 */
export async function requestCollabTicket(
  docName: string,
  origin: string = globalThis.location.origin,
): Promise<string> {
  const token = currentAccessToken();
  if (!token) throw new TicketRefusal("UNAUTHENTICATED", "Not signed in.");
  const response = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      operationName: "CollabTicket",
      query: "mutation CollabTicket($docName: String!) { collabTicket(docName: $docName) }",
      variables: { docName },
    }),
  });
  const body = (await response.json()) as {
    data?: { collabTicket?: string } | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const ticket = body.data?.collabTicket;
  if (typeof ticket === "string") return ticket;
  const error = body.errors?.[0];
  throw new TicketRefusal(error?.extensions?.code ?? "UNKNOWN", error?.message ?? "No ticket.");
}
