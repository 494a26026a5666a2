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

/** The websocket address of a conversation's shared document for `token` (with "stored" acks). */
export function collabUrl(url: string, conversationId: string, token: string, acks = true): string {
  return `${collabBase(url)}/${encodeURIComponent(conversationId)}?token=${encodeURIComponent(token)}${acks ? "&acks=1" : ""}`;
}

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
