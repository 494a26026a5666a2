import { afterEach, describe, expect, it, vi } from "vitest";
import { errorCode } from "../../graphql/errors";
import { type DownloadDeps, downloadRecordPdf, filenameOf } from "./downloadPdf";

function deps(response: Response) {
  const fetch = vi.fn(async () => response);
  const saved: { url: string; filename: string }[] = [];
  const revoked: string[] = [];
  const all: DownloadDeps = {
    fetch: fetch as unknown as typeof globalThis.fetch,
    createObjectURL: () => "blob:pdf-1",
    revokeObjectURL: (url) => revoked.push(url),
    save: (url, filename) => saved.push({ url, filename }),
  };
  return { all, fetch, saved, revoked };
}

describe("downloadRecordPdf", () => {
  afterEach(() => vi.useRealTimers());

  it("fetches the PDF with the bearer token and saves it under the server's file name", async () => {
    vi.useFakeTimers();
    const { all, fetch, saved, revoked } = deps(
      new Response(new Blob(["%PDF-1.7"]), {
        headers: { "content-disposition": 'attachment; filename="gespreksformulier-c1.pdf"' },
      }),
    );
    await downloadRecordPdf("c1", "token-1", all);

    expect(fetch).toHaveBeenCalledWith("/export/conversations/c1.pdf", {
      headers: { authorization: "Bearer token-1" },
    });
    expect(saved).toEqual([{ url: "blob:pdf-1", filename: "gespreksformulier-c1.pdf" }]);
    vi.runAllTimers();
    expect(revoked).toEqual(["blob:pdf-1"]);
  });

  it("passes on the server's refusal so it can be shown in words", async () => {
    const body = { errors: [{ message: "no", extensions: { code: "FORBIDDEN" } }] };
    const { all, saved } = deps(new Response(JSON.stringify(body), { status: 403 }));
    const failure = await downloadRecordPdf("c1", "token-1", all).catch((error) => error);
    expect(errorCode(failure)).toBe("FORBIDDEN");
    expect(saved).toEqual([]);
  });

  it("names a failure without a body by its HTTP status", async () => {
    const { all } = deps(new Response("gone", { status: 404 }));
    const failure = await downloadRecordPdf("c1", null, all).catch((error) => error);
    expect(errorCode(failure)).toBe("NOT_FOUND");
  });
});

describe("filenameOf", () => {
  it("falls back to a readable name", () => {
    expect(filenameOf(null, "c9")).toBe("gespreksformulier-c9.pdf");
    expect(filenameOf('attachment; filename="x.pdf"', "c9")).toBe("x.pdf");
  });

  it("prefers the RFC 5987 name, so an accented name stays whole", () => {
    const header =
      "attachment; filename=\"BPV-gesprek Zoe de Wit 2026-12-03.pdf\"; filename*=UTF-8''BPV-gesprek%20Zo%C3%AB%20de%20Wit%202026-12-03.pdf";
    expect(filenameOf(header, "c9")).toBe("BPV-gesprek Zoë de Wit 2026-12-03.pdf");
    expect(filenameOf("attachment; filename=\"a.pdf\"; filename*=UTF-8''%E0%A4%A", "c9")).toBe(
      "a.pdf",
    );
  });
});
