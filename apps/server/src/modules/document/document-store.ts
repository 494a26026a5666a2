import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { EntityManager } from "typeorm";
import type { Services } from "../../context.js";
import { lockName } from "../../db/row-lock.js";
import { inTransaction } from "../../db/transaction.js";
import { ConversationDocument } from "./document.entity.js";

/** The folder holding every document's bytes, one file per SHA-256. */
export function documentsDir(services: Services): string {
  return path.join(services.config.dataDir, "documents");
}

/** Where the bytes with this SHA-256 live. */
export function documentPath(services: Services, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("not a SHA-256 hash");
  return path.join(documentsDir(services), sha256);
}

/** SHA-256 (hex) of the bytes. */
export function sha256Of(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Runs `work` in a transaction that holds the file with this SHA-256 (decision 0016): documents
 * with the same bytes share one file, so storing it with a new document row, and deleting it
 * when its last row has gone, take turns. Without that, a removal could find no row, an upload
 * find the file still there and add its row, and the removal then delete the file under it.
 */
export function withStoredFile<T>(
  services: Services,
  sha256: string,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  return inTransaction(services.dataSource, async (tx) => {
    await lockName(tx, `document-file:${sha256}`);
    return work(tx);
  });
}

/**
 * Stores the bytes under their SHA-256 (written to a temporary name, then renamed, so a
 * half-written file never has the final name). The same bytes twice are stored once.
 */
export async function storeBytes(services: Services, bytes: Buffer): Promise<string> {
  const sha256 = sha256Of(bytes);
  const target = documentPath(services, sha256);
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.access(target);
    return sha256;
  } catch {
    const temporary = `${target}.${randomUUID()}.part`;
    await fs.writeFile(temporary, bytes, { flag: "wx" });
    await fs.rename(temporary, target);
    return sha256;
  }
}

/** Reads the stored bytes with this SHA-256. */
export function readBytes(services: Services, sha256: string): Promise<Buffer> {
  return fs.readFile(documentPath(services, sha256));
}

/**
 * Deletes the bytes with this SHA-256 when no document row refers to them any more; returns
 * whether it did. Call it with no transaction open: it takes its own, holding the file.
 */
export function dropBytesIfUnused(services: Services, sha256: string): Promise<boolean> {
  return withStoredFile(services, sha256, async (tx) => {
    if (await tx.existsBy(ConversationDocument, { sha256 })) return false;
    await fs.rm(documentPath(services, sha256), { force: true });
    return true;
  });
}

/**
 * Deletes every stored file no document row refers to any more: after retention removed
 * conversations (their rows go with them), their files go too. Returns how many were deleted.
 */
export async function sweepDocumentFiles(services: Services): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(documentsDir(services));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter((n) => /^[0-9a-f]{64}$/.test(n))) {
    const used = await services.dataSource.manager.existsBy(ConversationDocument, { sha256: name });
    if (!used && (await dropBytesIfUnused(services, name))) removed += 1;
  }
  return removed;
}
