import type http from "node:http";
import type { Duplex } from "node:stream";

/** The websocket endpoints sharing the port. */
export interface WebsocketEndpoints {
  graphql: { handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): void };
  collab: {
    handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer, room: string): void;
  };
}

/**
 * One upgrade handler routing websockets by path, so several endpoints share the port:
 * `/graphql` to graphql-ws, `/collab/<room>` to the collaboration endpoint.
 */
export function routeUpgrades(endpoints: WebsocketEndpoints) {
  return (request: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (pathname === "/graphql") {
      endpoints.graphql.handleUpgrade(request, socket, head);
    } else if (pathname.startsWith("/collab/")) {
      let room: string;
      try {
        room = decodeURIComponent(pathname.slice("/collab/".length));
      } catch {
        socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
        return;
      }
      endpoints.collab.handleUpgrade(request, socket, head, room);
    } else {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
    }
  };
}
