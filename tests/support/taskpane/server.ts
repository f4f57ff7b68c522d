/**
 * A real HTTP server on 127.0.0.1 (port 0) for library downloads: each path answers with a status,
 * headers and a body, or never answers (for timeouts).
 */
import * as http from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Route =
  | {
      readonly status?: number;
      readonly headers?: Record<string, string>;
      readonly body: string | Buffer;
    }
  /** Sends `chunks` of `chunkBytes` bytes without a Content-Length. */
  | { readonly chunked: { readonly chunks: number; readonly chunkBytes: number } }
  | { readonly hang: true };

export interface TestServer {
  url(path: string): string;
  /** Paths requested so far. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push(path);
    // One connection per request: Node's fetch reuses an idle keep-alive socket, and when a test spends
    // longer than the server's keep-alive timeout (5 s) between two downloads, the server may close it just
    // as the next request goes out, which fails that download with "fetch failed" on a busy machine.
    res.shouldKeepAlive = false;
    const route = routes[path];
    if (route === undefined) {
      res.writeHead(404, "Not Found", { "Content-Type": "text/plain" });
      res.end("no such library");
      return;
    }
    if ("hang" in route) return; // never answer
    if ("chunked" in route) {
      res.writeHead(200, { "Content-Type": "application/json" });
      const chunk = Buffer.alloc(route.chunked.chunkBytes, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < route.chunked.chunks) {
          sent++;
          if (!res.write(chunk)) {
            res.once("drain", pump);
            return;
          }
        }
        res.end();
      };
      res.on("error", () => undefined);
      pump();
      return;
    }
    const body = typeof route.body === "string" ? Buffer.from(route.body, "utf8") : route.body;
    res.on("error", () => undefined);
    res.writeHead(route.status ?? 200, {
      "Content-Type": "application/json",
      "Content-Length": String(body.length),
      ...route.headers,
    });
    res.end(body);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
