import { createRequire } from "node:module";
import {
  graphql,
  joinWithInvite,
  type ServerProcess,
  startServerProcess,
} from "@driehoek/test-support";

/** The built server's entry point, found by package name like any other import. */
const serverEntry = (): string => createRequire(import.meta.url).resolve("@driehoek/server");

/**
 * Starts `node apps/server/dist/index.js` with a fresh SQLite data folder (removed by `stop()`),
 * a free port on 127.0.0.1 and the demo seeded, and resolves once the banner has printed all
 * three invites.
 */
export function startServer(): Promise<ServerProcess> {
  return startServerProcess({ entry: serverEntry() });
}

/**
 * Starts the demo conversation as its BPV-begeleider would, over the API: for tests that are
 * about the live conversation rather than about starting it.
 */
export async function startConversationViaApi(server: ServerProcess): Promise<void> {
  const begeleider = await joinWithInvite(server.url, server.invite("bpv_begeleider"));
  await graphql(
    server.url,
    "mutation($id: ID!) { startConversation(conversationId: $id) { status } }",
    { id: begeleider.conversationId },
    begeleider.accessToken,
  );
}
