import path from "node:path";

export interface NginxConfigOptions {
  /** What nginx listens on, e.g. `0.0.0.0:4000` or `443 ssl` (TLS lines are yours to add). */
  listen: string;
  /** The Driehoek processes, `host:port` each. */
  upstreams: string[];
  /**
   * A folder for nginx's pid file and temporary files when it runs as a child of
   * `start:cluster`; absent: the config is an example for a system nginx (`http {}` body only).
   */
  prefix?: string;
}

/**
 * The nginx configuration in front of several Driehoek processes: the same text that
 * `npm run start:cluster` runs and docs/OPERATIONS.md explains.
 */
export function nginxConfig(options: NginxConfigOptions): string {
  const servers = options.upstreams
    .map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`)
    .join("\n");
  const proxied = `      proxy_pass http://driehoek;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      # The caller's address for rate limits and login throttles; the server trusts it only
      # from the proxies named in TRUST_PROXY.
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;`;
  const sockets = `${proxied}
      # Websocket upgrade (graphql-transport-ws and the collaboration protocol).
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      # A conversation's sockets live for an hour or more; the server pings every 15 s.
      proxy_read_timeout 3600s;
      proxy_send_timeout 3600s;`;
  const http = `  # Uploads: documents up to DOCUMENT_MAX_BYTES (20 MB), roster imports up to 4 MB.
  client_max_body_size 25m;

  # "Connection: upgrade" for websockets, nothing (so upstream keep-alive) otherwise.
  map $http_upgrade $connection_upgrade {
    default upgrade;
    "" "";
  }

  # Every process serves every conversation: no sticky sessions (no ip_hash, no cookie).
  upstream driehoek {
    least_conn;
${servers}
    # Idle connections to the processes are reused; the server keeps them 65 s, nginx 60 s.
    keepalive 32;
    keepalive_timeout 60s;
  }

  server {
    listen ${options.listen};

    # A process that is stopping refuses new connections; nginx tries the next one.
    proxy_next_upstream error timeout http_502;
    proxy_connect_timeout 2s;

    location / {
${proxied}
      proxy_set_header Connection "";
      proxy_read_timeout 60s;
    }

    # GraphQL: POSTs, and subscriptions over a websocket on the same path.
    location = /graphql {
${sockets}
    }

    # The collaboration endpoint: one websocket per open conversation.
    location /collab/ {
${sockets}
    }

    # Metrics are scraped from each process directly, never through the public address.
    location = /metrics {
      return 404;
    }
  }`;
  if (!options.prefix) return `http {\n${http}\n}\n`;
  const p = (name: string) => path.join(options.prefix as string, name);
  return `# Written by npm run start:cluster; removed when it stops.
daemon off;
worker_processes 1;
pid ${p("nginx.pid")};
error_log stderr warn;

events {
  worker_connections 4096;
}

http {
  access_log off;
  client_body_temp_path ${p("client_body")};
  proxy_temp_path ${p("proxy")};
  fastcgi_temp_path ${p("fastcgi")};
  uwsgi_temp_path ${p("uwsgi")};
  scgi_temp_path ${p("scgi")};

${http}
}
`;
}
