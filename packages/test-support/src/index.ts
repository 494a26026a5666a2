export * from "./api.js";
export * from "./collab-protocol.js";
export * from "./pdf-text.js";
export * from "./raw-client.js";
export * from "./raw-socket.js";
export * from "./server-process.js";
export * from "./stock-client.js";
export * from "./wait.js";
