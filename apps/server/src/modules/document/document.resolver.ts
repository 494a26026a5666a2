import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { openConversation } from "../../access/conversation-access.js";
import type { RequestContext } from "../../context.js";
import { badInput, forbidden } from "../../graphql/errors.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { Person } from "../people/person.entity.js";
import { lockWithSignedForm } from "../signoff/signoff.service.js";
import { ConversationDocument } from "./document.entity.js";
import { findDocument, removeDocument } from "./document.service.js";

/** Documents attached to a conversation, and the paper sign-off with the signed scan. */
@Resolver(() => ConversationDocument)
export class DocumentResolver {
  @FieldResolver(() => Person, { description: "Who uploaded it." })
  uploadedBy(@Root() document: ConversationDocument, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.findOneByOrFail(Person, { id: document.uploadedById });
  }

  @FieldResolver(() => String, {
    description: "Where to download it (GET with the Bearer token).",
  })
  downloadPath(@Root() document: ConversationDocument): string {
    return `/api/conversations/${document.conversationId}/documents/${document.id}`;
  }

  @Mutation(() => Conversation, {
    description: "Removes a document from its conversation (its uploader; not after the lock).",
  })
  async removeDocument(
    @Arg("conversationId", () => ID) conversationId: string,
    @Arg("documentId", () => ID) documentId: string,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openConversation(ctx, conversationId);
    await removeDocument(ctx.services, access, documentId);
    return access.conversation;
  }

  @Mutation(() => Conversation, {
    description:
      "Paper route: the BPV-begeleider locks the ended conversation's record with the signed " +
      "scan of the paper form (uploaded to /api/conversations/<id>/signed-form); the scan's " +
      "SHA-256 is bound into the record's hash.",
  })
  async signOnPaper(
    @Arg("conversationId", () => ID) conversationId: string,
    @Arg("documentId", () => ID) documentId: string,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openConversation(ctx, conversationId);
    if (access.myRole !== "bpv_begeleider")
      throw forbidden("Only the conversation's BPV-begeleider signs on paper.");
    const document = await findDocument(ctx.services, access.conversation.id, documentId);
    if (document.kind !== "getekend_formulier")
      throw badInput("That document is not a signed form; upload the scan as the signed form.");
    await lockWithSignedForm(ctx.services, access, {
      documentId: document.id,
      fileName: document.fileName,
      sha256: document.sha256,
    });
    return ctx.services.dataSource.manager.findOneByOrFail(Conversation, {
      id: access.conversation.id,
    });
  }
}

/** A conversation's documents, oldest first. */
@Resolver(() => Conversation)
export class ConversationDocumentsResolver {
  @FieldResolver(() => [ConversationDocument], {
    description: "Documents attached to the conversation (and the signed form's scan).",
  })
  documents(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.find(ConversationDocument, {
      where: { conversationId: conversation.id },
      order: { createdAt: "ASC", id: "ASC" },
    });
  }
}
