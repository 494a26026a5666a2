import type { GraphQLFormattedError } from "graphql";

/** The largest file the server accepts by default (DOCUMENT_MAX_BYTES); it checks again. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The endings the server accepts; it checks the content (magic bytes) itself. */
const DOCUMENT_ENDINGS = ["pdf", "png", "jpg", "jpeg", "webp", "docx", "xlsx", "pptx", "odt"];
const SCAN_ENDINGS = ["pdf", "png", "jpg", "jpeg", "webp"];

/** Why an upload failed, each with its own message under `documents.errors.<reason>`. */
export type UploadProblem =
  | "too_large"
  | "unsupported_type"
  | "type_mismatch"
  | "empty"
  | "already_signed"
  | "not_ended"
  | "forbidden"
  | "unauthenticated"
  | "network"
  | "unknown";

/** A refused or failed upload. */
export class UploadError extends Error {
  constructor(
    readonly problem: UploadProblem,
    readonly errors: readonly GraphQLFormattedError[] = [],
  ) {
    super(errors[0]?.message ?? problem);
  }
}

/** What the server answers for a stored document. */
export interface UploadedDocument {
  id: string;
  sha256: string;
  fileName: string;
}

/** The checks the browser can make before sending anything; null when the file may go. */
export function checkBeforeUpload(
  file: { name: string; size: number },
  scan = false,
): UploadProblem | null {
  if (file.size === 0) return "empty";
  if (file.size > MAX_DOCUMENT_BYTES) return "too_large";
  const dot = file.name.lastIndexOf(".");
  const ending = dot > 0 ? file.name.slice(dot + 1).toLowerCase() : "";
  return (scan ? SCAN_ENDINGS : DOCUMENT_ENDINGS).includes(ending) ? null : "unsupported_type";
}

/** The problem behind the server's answer. */
export function problemOf(status: number, errors: readonly GraphQLFormattedError[]): UploadProblem {
  const extensions = errors[0]?.extensions ?? {};
  const reason = String(extensions.reason ?? "");
  const known: UploadProblem[] = [
    "too_large",
    "unsupported_type",
    "type_mismatch",
    "empty",
    "already_signed",
    "not_ended",
  ];
  if (known.includes(reason as UploadProblem)) return reason as UploadProblem;
  if (status === 413) return "too_large";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  return "unknown";
}

/**
 * Sends `file` as the raw body to a conversation's document route (XMLHttpRequest, which reports
 * upload progress where fetch does not). `onProgress` hears 0..1. Rejects with an UploadError.
 */
export function uploadFile(options: {
  conversationId: string;
  file: File;
  token: string | null;
  kind?: string;
  route?: "documents" | "signed-form";
  onProgress?: (fraction: number) => void;
}): Promise<UploadedDocument> {
  const { conversationId, file, token, kind, route = "documents", onProgress } = options;
  const query = new URLSearchParams({ name: file.name, ...(kind ? { kind } : {}) });
  const url = `/api/conversations/${encodeURIComponent(conversationId)}/${route}?${query}`;
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    if (token) request.setRequestHeader("Authorization", `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    request.onerror = () => reject(new UploadError("network"));
    request.onload = () => {
      let body: { document?: UploadedDocument; errors?: GraphQLFormattedError[] } = {};
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = {};
      }
      if (request.status === 201 && body.document) {
        onProgress?.(1);
        resolve(body.document);
        return;
      }
      const errors = body.errors ?? [];
      reject(new UploadError(problemOf(request.status, errors), errors));
    };
    request.send(file);
  });
}

/** Fetches a document with the bearer token (a plain link cannot send it) and saves it. */
export async function downloadDocument(
  path: string,
  fileName: string,
  token: string | null,
): Promise<void> {
  const response = await fetch(path, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    const errors = (
      (await response.json().catch(() => ({}))) as { errors?: GraphQLFormattedError[] }
    ).errors;
    throw errors ?? [{ message: `HTTP ${response.status}`, extensions: { code: "UNKNOWN" } }];
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
