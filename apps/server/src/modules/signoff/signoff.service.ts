import { randomUUID } from "node:crypto";
import {
  isAwaitingSignatures,
  isLocked,
  PARTICIPANT_ROLES,
  type ParticipantRole,
  schoolToday,
} from "@driehoek/domain";
import { IsNull } from "typeorm";
import type { ConversationAccess } from "../../access/conversation-access.js";
import type { Services } from "../../context.js";
import { lockConversation } from "../../db/row-lock.js";
import { inTransaction } from "../../db/transaction.js";
import type { ConversationChangeKind } from "../../events.js";
import { conflict, forbidden } from "../../graphql/errors.js";
import { Conversation } from "../conversation/conversation.entity.js";
import {
  announceChange,
  publishChange,
  type RecordStanding,
} from "../conversation/conversation-changes.js";
import { refreshFrequency } from "../placement/frequency-state.js";
import { buildRecord, hashRecordText, type SignedForm, serializeRecord } from "./record.js";
import { keepRecordEdit } from "./record-changes.js";
import { Signature, type SignatureMethod } from "./signature.entity.js";

const CHANGED = "De inhoud is gewijzigd na ondertekening; opnieuw ondertekenen.";

/** The record as it stands now, its canonical text and hash. */
export async function currentRecord(
  services: Services,
  conversationId: string,
  signedForm?: SignedForm,
) {
  const built = await buildRecord(services.dataSource.manager, conversationId);
  const record = signedForm ? { ...built, signedForm } : built;
  const text = serializeRecord(record);
  return { record, text, hash: hashRecordText(text) };
}

/**
 * Voids every signature given to content that is no longer the record's content: whoever
 * signed must look again and sign again. While anyone has signed, the record after the change
 * is kept with who made it (`editorIds`), so a voided akkoord can show what changed and by whom.
 * Returns how many were voided.
 */
async function voidOutdatedSignatures(
  services: Services,
  conversationId: string,
  editorIds: readonly string[],
): Promise<number> {
  const manager = services.dataSource.manager;
  if ((await manager.countBy(Signature, { conversationId })) === 0) return 0;
  const conversation = await manager.findOneByOrFail(Conversation, { id: conversationId });
  if (isLocked(conversation.status)) return 0;
  const current = await currentRecord(services, conversationId);
  const { hash } = current;
  const active = await manager.findBy(Signature, { conversationId, voidedAt: IsNull() });
  const stale = active.filter((s) => s.contentHash !== hash);
  const at = services.now();
  await inTransaction(services.dataSource, async (tx) => {
    await keepRecordEdit(tx, conversationId, current, editorIds, at);
    for (const signature of stale) {
      await tx.update(Signature, { id: signature.id }, { voidedAt: at, voidReason: CHANGED });
    }
    await services.audit.recordMany(
      stale.map((s) => ({
        actorId: null,
        action: "signature.voided",
        subjectType: "conversation",
        subjectId: conversationId,
        detail: {
          role: s.role,
          signedHash: s.contentHash,
          currentHash: hash,
          changedBy: [...editorIds],
        },
      })),
      tx,
    );
  });
  return stale.length;
}

/**
 * What follows a change of a conversation's record (typed in the live document, a conclusion,
 * a particular): signatures given to the old content are voided, then one conversationChanged
 * event reports `kinds`, with SIGNATURES added when any were voided (none when nothing is).
 * `editorIds`: the people whose edits made the change, where known.
 */
export async function recordChanged(
  services: Services,
  conversationId: string,
  kinds: ConversationChangeKind[],
  editorIds: readonly string[] = [],
  known?: RecordStanding,
): Promise<void> {
  // Nobody has signed (the usual case while people type): nothing to void, nothing to read.
  if (known && !known.hasSignatures) {
    if (kinds.length > 0) publishChange(services, known.conversation, kinds);
    return;
  }
  const voided = await voidOutdatedSignatures(services, conversationId, editorIds);
  const changed: ConversationChangeKind[] = voided > 0 ? [...kinds, "SIGNATURES"] : kinds;
  if (changed.length > 0) await announceChange(services, conversationId, changed);
}

/** Locks the record when all three roles have a valid signature for its current content. */
async function lockIfComplete(
  services: Services,
  conversationId: string,
  actorId: string,
  signedForm?: SignedForm,
): Promise<boolean> {
  const manager = services.dataSource.manager;
  const { text, hash } = await currentRecord(services, conversationId, signedForm);
  const valid = await manager.findBy(Signature, {
    conversationId,
    voidedAt: IsNull(),
    contentHash: hash,
  });
  if (!PARTICIPANT_ROLES.every((role) => valid.some((s) => s.role === role))) return false;
  const at = services.now();
  const locked = await inTransaction(services.dataSource, async (tx) => {
    const current = await tx.findOneByOrFail(Conversation, { id: conversationId });
    const result = await tx.update(
      Conversation,
      { id: conversationId, status: "ended", version: current.version },
      {
        status: "signed",
        signedAt: at,
        recordJson: text,
        recordHash: hash,
        version: current.version + 1,
      },
    );
    if (!result.affected) return false;
    await refreshFrequency(tx, current.placementId, schoolToday(at));
    await services.audit.record(
      {
        actorId,
        action: "conversation.signed",
        subjectType: "conversation",
        subjectId: conversationId,
        detail: signedForm ? { hash, signedForm: signedForm.sha256 } : { hash },
      },
      tx,
    );
    return true;
  });
  if (locked) {
    services.events.publish("conversationLocked", conversationId);
    await announceChange(services, conversationId, ["SIGNATURES", "STATUS"]);
  }
  return locked;
}

/**
 * One participant's akkoord on exactly the content with hash `contentHash`. The live document
 * is projected first, so the hash covers everything typed. When the third valid signature
 * arrives the record is locked.
 */
export async function signConversation(
  services: Services,
  access: ConversationAccess,
  contentHash: string,
): Promise<void> {
  const { conversation, myRole, viewer } = access;
  if (!myRole) throw forbidden("Only the three participants sign.");
  if (isLocked(conversation.status))
    throw conflict("The record is already signed and locked.", "already_signed");
  if (!isAwaitingSignatures(conversation.status))
    throw conflict("Sign after the conversation has ended.", "not_ended");
  await services.liveDocuments.flush(conversation.id);
  await recordChanged(services, conversation.id, []);
  const { hash, text } = await currentRecord(services, conversation.id);
  if (contentHash !== hash) {
    throw conflict(
      "The record changed since you read it; read it again, then sign.",
      "content_changed",
    );
  }
  await addSignatures(
    services,
    conversation.id,
    [{ role: myRole, personId: viewer.personId }],
    "digital",
    viewer.personId,
    { hash, text },
  );
  await lockOrAnnounce(services, conversation.id, viewer.personId);
}

/** The BPV-begeleider records that the printed form was signed by all three (paper fallback). */
export async function recordPaperSignatures(
  services: Services,
  access: ConversationAccess,
): Promise<void> {
  const { conversation, participants, viewer } = access;
  if (!isAwaitingSignatures(conversation.status))
    throw conflict("Record the paper form after the conversation has ended.", "not_ended");
  await services.liveDocuments.flush(conversation.id);
  const signed = await currentRecord(services, conversation.id);
  await addSignatures(
    services,
    conversation.id,
    participants.map((p) => ({ role: p.role, personId: p.personId })),
    "paper",
    viewer.personId,
    signed,
  );
  await lockOrAnnounce(services, conversation.id, viewer.personId);
}

/**
 * Paper route with the signed scan: the BPV-begeleider uploaded the scan of the paper form the
 * three signed. The scan's SHA-256 goes into the record, the three paper signatures bind to that
 * record's hash, and the record locks as the digital route does.
 */
export async function lockWithSignedForm(
  services: Services,
  access: ConversationAccess,
  signedForm: SignedForm,
): Promise<void> {
  const { conversation, participants, viewer } = access;
  if (isLocked(conversation.status))
    throw conflict("The record is already signed and locked.", "already_signed");
  if (!isAwaitingSignatures(conversation.status))
    throw conflict("Sign on paper after the conversation has ended.", "not_ended");
  await services.liveDocuments.flush(conversation.id);
  const signed = await currentRecord(services, conversation.id, signedForm);
  await addSignatures(
    services,
    conversation.id,
    participants.map((p) => ({ role: p.role, personId: p.personId })),
    "paper",
    viewer.personId,
    signed,
  );
  if (!(await lockIfComplete(services, conversation.id, viewer.personId, signedForm))) {
    throw conflict("The record changed while signing; try again.", "content_changed");
  }
}

async function addSignatures(
  services: Services,
  conversationId: string,
  signers: { role: ParticipantRole; personId: string }[],
  method: SignatureMethod,
  actorId: string,
  record: { hash: string; text: string },
): Promise<void> {
  const { hash, text } = record;
  const at = services.now();
  await inTransaction(services.dataSource, async (tx) => {
    // Two akkoorden of one person at once (a double click, a second tab) give one signature.
    await lockConversation(tx, conversationId);
    for (const signer of signers) {
      const earlier = await tx.findBy(Signature, {
        conversationId,
        role: signer.role,
        voidedAt: IsNull(),
      });
      if (earlier.some((s) => s.contentHash === hash && s.personId === signer.personId)) continue;
      for (const s of earlier)
        await tx.update(
          Signature,
          { id: s.id },
          { voidedAt: at, voidReason: "Vervangen door een nieuwe handtekening." },
        );
      await tx.insert(Signature, {
        id: randomUUID(),
        conversationId,
        personId: signer.personId,
        role: signer.role,
        method,
        contentHash: hash,
        signedAt: at,
        voidedAt: null,
        voidReason: null,
        recordJson: text,
      });
      await services.audit.record(
        {
          actorId,
          action:
            method === "paper"
              ? "conversation.paper_signature_recorded"
              : "conversation.signature_given",
          subjectType: "conversation",
          subjectId: conversationId,
          detail: { role: signer.role, hash },
        },
        tx,
      );
    }
  });
}

/**
 * Locks when complete, then tells everyone watching once: with the signature added, or with
 * the lock. (An announcement before the lock would let a page read "ended" after "signed".)
 */
async function lockOrAnnounce(
  services: Services,
  conversationId: string,
  actorId: string,
): Promise<void> {
  if (!(await lockIfComplete(services, conversationId, actorId))) {
    await announceChange(services, conversationId, ["SIGNATURES"]);
  }
}

/** Checks a locked record: the stored text still hashes to the stored hash, and every signature binds to it. */
export async function verifyRecord(services: Services, conversationId: string) {
  const manager = services.dataSource.manager;
  const conversation = await manager.findOneByOrFail(Conversation, { id: conversationId });
  const signatures = await manager.findBy(Signature, { conversationId, voidedAt: IsNull() });
  const computedHash = conversation.recordJson ? hashRecordText(conversation.recordJson) : null;
  const isIntact = Boolean(computedHash && computedHash === conversation.recordHash);
  return {
    isLocked: isLocked(conversation.status),
    storedHash: conversation.recordHash,
    computedHash,
    isIntact,
    signaturesMatch:
      isIntact &&
      PARTICIPANT_ROLES.every((role) =>
        signatures.some((s) => s.role === role && s.contentHash === conversation.recordHash),
      ),
  };
}
