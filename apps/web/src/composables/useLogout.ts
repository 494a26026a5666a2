import { shallowRef } from "vue";
import { clearSession, currentAccessToken, sessionState } from "./useSession";

/** How far wiping this device has got after a logout. */
export type WipeState = "idle" | "wiping" | "done";

const wipeState = shallowRef<WipeState>("idle");
const isLoggingOut = shallowRef(false);

// The language choice is the device's, not the person's: it stays.
const KEPT_KEYS = new Set(["driehoek.locale"]);
/** Names of the offline document copies this device opened (for browsers without databases()). */
const OPENED_KEY = "driehoek.localDocs";
const WIPE_TIMEOUT_MS = 5_000;

/** Notes the name of an IndexedDB database that holds a conversation document on this device. */
export function rememberLocalCopy(name: string): void {
  try {
    const known = new Set<string>(JSON.parse(globalThis.localStorage?.getItem(OPENED_KEY) ?? "[]"));
    if (known.has(name)) return;
    known.add(name);
    globalThis.localStorage?.setItem(OPENED_KEY, JSON.stringify([...known]));
  } catch {
    // Storage blocked: databases() still finds the copy on most browsers.
  }
}

/**
 * Ends the session on the server (best effort: offline, the token expires by itself).
 * `everywhere`: every session of this staff member, on every device, this one included.
 */
export async function revokeOnServer(everywhere = false): Promise<void> {
  const token = currentAccessToken();
  if (token) {
    const mutation = everywhere ? "mutation { logoutEverywhere }" : "mutation { logout }";
    try {
      await fetch(`${globalThis.location.origin}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: mutation }),
      });
    } catch {
      // Offline: the local wipe still happens.
    }
  }
}

/** Logs out: ends the session on the server, then forgets it here (see `wipeThisDevice`). */
export async function endSession(): Promise<void> {
  isLoggingOut.value = true;
  await revokeOnServer(false);
  clearSession();
  isLoggingOut.value = false;
}

/**
 * Deletes what this device kept of the conversations, so that a shared (school) computer
 * keeps nothing for the next person: the offline copies of the documents (IndexedDB), the
 * session, conclusion drafts and checklists (localStorage, sessionStorage). The GraphQL cache
 * is cleared by the client when the session goes. Call once the documents are closed (after
 * leaving the conversation page); a database still open is deleted as soon as it closes.
 */
export async function wipeThisDevice(): Promise<void> {
  wipeState.value = "wiping";
  const names = new Set<string>();
  try {
    for (const name of JSON.parse(globalThis.localStorage?.getItem(OPENED_KEY) ?? "[]"))
      names.add(String(name));
  } catch {
    // A corrupt list: databases() below.
  }
  const idb = globalThis.indexedDB;
  if (idb?.databases) {
    for (const db of await idb.databases().catch(() => [])) {
      if (db.name?.startsWith("driehoek:")) names.add(db.name);
    }
  }
  for (const storage of [globalThis.localStorage, globalThis.sessionStorage]) {
    if (!storage) continue;
    for (const key of Object.keys(storage)) {
      if (key.startsWith("driehoek.") && !KEPT_KEYS.has(key)) storage.removeItem(key);
    }
  }
  if (idb) await Promise.all([...names].map((name) => deleteDatabase(idb, name)));
  wipeState.value = "done";
}

function deleteDatabase(idb: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, WIPE_TIMEOUT_MS);
    const request = idb.deleteDatabase(name);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    request.onsuccess = done;
    request.onerror = done;
  });
}

/** Logging out on this device, and what has been wiped. */
export function useLogout() {
  return {
    /** "wiping" while the local copies are being deleted, "done" once they are gone. */
    wipeState,
    /** True while a deliberate logout forgets the session (not the server ending it). */
    isLoggingOut,
    /** Whether the signed-in session is a staff login (which "log out everywhere" applies to). */
    isStaffSession: () => Boolean(sessionState.value && !sessionState.value.conversationId),
  };
}
