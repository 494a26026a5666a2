import type { GraphQLFormattedError } from "graphql";

/** What the download needs from its surroundings; tests pass their own. */
export interface DownloadDeps {
  fetch: typeof globalThis.fetch;
  createObjectURL: (blob: Blob) => string;
  revokeObjectURL: (url: string) => void;
  /** Hands the file to the browser, e.g. by clicking an `a[download]`. */
  save: (url: string, filename: string) => void;
}

const CODE_BY_STATUS: Record<number, string> = {
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
};

/** The file name the server gives in Content-Disposition, else a sensible one. */
export function filenameOf(
  disposition: string | null,
  conversationId: string,
  format: RecordFileFormat = "pdf",
): string {
  // RFC 5987's filename* keeps a name such as "Zoë" whole; the plain filename is its ASCII copy.
  const extended = disposition ? /filename\*=UTF-8''([^;]+)/i.exec(disposition) : null;
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // A malformed escape falls back to the plain name.
    }
  }
  const match = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  return match?.[1] ?? `gespreksformulier-${conversationId}.${format}`;
}

function browserDeps(): DownloadDeps {
  return {
    fetch: (...args) => globalThis.fetch(...args),
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
    save: (url, filename) => {
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
    },
  };
}

/** The files a record is downloaded as: the form (PDF) and the exports for the student system. */
export type RecordFileFormat = "pdf" | "json" | "csv";

/**
 * Downloads the gespreksformulier as PDF. The export needs the bearer token in a header, which
 * a plain link cannot send: fetch it, then save the bytes through a blob URL. Throws the
 * server's GraphQL-style error list (ErrorMessage translates it), or fetch's TypeError offline.
 */
export function downloadRecordPdf(
  conversationId: string,
  token: string | null,
  deps: DownloadDeps = browserDeps(),
): Promise<void> {
  return downloadRecordFile(conversationId, "pdf", token, deps);
}

/** Downloads the record as `format` (JSON and CSV only once signed), as `downloadRecordPdf` does. */
export async function downloadRecordFile(
  conversationId: string,
  format: RecordFileFormat,
  token: string | null,
  deps: DownloadDeps = browserDeps(),
): Promise<void> {
  const response = await deps.fetch(
    `/export/conversations/${encodeURIComponent(conversationId)}.${format}`,
    { headers: token ? { authorization: `Bearer ${token}` } : {} },
  );
  if (!response.ok) {
    let errors: GraphQLFormattedError[] | undefined;
    try {
      errors = ((await response.json()) as { errors?: GraphQLFormattedError[] }).errors;
    } catch {
      errors = undefined;
    }
    throw errors?.length
      ? errors
      : [
          {
            message: `HTTP ${response.status}`,
            extensions: { code: CODE_BY_STATUS[response.status] ?? "UNKNOWN" },
          },
        ];
  }
  const blob = await response.blob();
  const url = deps.createObjectURL(blob);
  try {
    deps.save(url, filenameOf(response.headers.get("content-disposition"), conversationId, format));
  } finally {
    // Give the browser a moment to start the download before the URL goes away.
    setTimeout(() => deps.revokeObjectURL(url), 10_000);
  }
}
