import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { nextTick } from "vue";
import type { AuthPayload } from "../graphql/operations";
import { clearSession, setSession, useSession } from "./useSession";

function payload(expiresInMs: number, name = "Sanne Jansen"): AuthPayload {
  return {
    accessToken: `token-${name}`,
    role: "student",
    conversationId: "c1",
    expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
    person: { id: "p1", name, role: "student" },
  } as AuthPayload;
}

describe("a session on this device", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    clearSession();
    vi.useRealTimers();
  });

  it("ends the moment its token expires, with no request needed to find out", async () => {
    const { session, isLoggedIn } = useSession();
    setSession(payload(20_000));
    await nextTick();
    vi.advanceTimersByTime(19_999);
    expect(session.value?.person.name).toBe("Sanne Jansen");
    vi.advanceTimersByTime(1);
    expect(session.value).toBeNull();
    expect(isLoggedIn.value).toBe(false);
    expect(localStorage.getItem("driehoek.session")).toBeNull();
  });

  it("is not ended by the expiry of the session it replaced", async () => {
    const { session } = useSession();
    setSession(payload(5_000, "Eerste"));
    await nextTick();
    setSession(payload(60_000, "Tweede"));
    await nextTick();
    vi.advanceTimersByTime(30_000);
    expect(session.value?.person.name).toBe("Tweede");
    vi.advanceTimersByTime(30_000);
    expect(session.value).toBeNull();
  });
});
