/**
 * @driehoek/collab — the shape of a conversation's shared Yjs document and the collaboration
 * protocol, used by the server, the web client and the tests alike.
 */
export * from "./agreements.js";
export * from "./document.js";
export * from "./protocol.js";
export * from "./review.js";
export * from "./seed.js";
export * from "./shape.js";
export * from "./shape-additions.js";
export * from "./tickets.js";
