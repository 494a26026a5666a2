import { MESSAGE } from "@driehoek/collab";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";

/** A close the server sent (or the socket saw). */
export interface CloseInfo {
  code: number;
  reason: string;
}

/** The collaboration endpoint's base address for a server at `url`, as the web client builds it. */
export const collabBase = (url: string): string => `${url.replace(/^http/, "ws")}/collab`;

/** The websocket address of a document opened with a single-use `ticket` (with "stored" acks). */
export function collabUrl(url: string, docName: string, ticket: string, acks = true): string {
  return `${collabBase(url)}/${encodeURIComponent(docName)}?ticket=${encodeURIComponent(ticket)}${acks ? "&acks=1" : ""}`;
}

/**
 * Asks the server at `url` for a single-use ticket that opens `docName` for `token`'s bearer.
 * `timeoutMs`: a server that is shutting down may hold the request; give up and try again.
 */
export async function collabTicket(
  url: string,
  docName: string,
  token: string,
  timeoutMs = 30_000,
): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: "mutation($docName: String!) { collabTicket(docName: $docName) }",
      variables: { docName },
    }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as {
    data?: { collabTicket?: string };
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const ticket = body.data?.collabTicket;
  if (typeof ticket !== "string") throw new TicketRefused(body.errors?.[0]);
  return ticket;
}

/** `collabTicket` was refused (the GraphQL error says why). */
export class TicketRefused extends Error {
  constructor(readonly error: { message: string; extensions?: { code?: string } } | undefined) {
    super(`collabTicket refused: ${error?.extensions?.code ?? ""} ${error?.message ?? ""}`);
  }
}

/** A function that makes the address of `docName` with a fresh ticket for `token` each call. */
export const ticketedUrl =
  (url: string, docName: string, token: string, acks = true) =>
  async (): Promise<string> =>
    collabUrl(url, docName, await collabTicket(url, docName, token), acks);

/** Builds one protocol message. */
export function encodeMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A y-websocket sync "update" message carrying `update`. */
export const updateMessage = (update: Uint8Array): Uint8Array =>
  encodeMessage((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    syncProtocol.writeUpdate(e, update);
  });
