import * as fs from "fs";
import * as https from "https";
import * as path from "path";
import type { AddressInfo } from "net";
import { createCA, createCert } from "mkcert";
import { DIST } from "./paths";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

export interface TestServer {
  readonly origin: string;
  /** Serves `body` at `urlPath` (e.g. a team library the test publishes). */
  publish(urlPath: string, body: string): void;
  close(): Promise<void>;
}

/**
 * Serves the built dist/ over https on 127.0.0.1 with a throwaway CA, as the add-in is served in production
 * (libraries must come from https URLs); the browser context ignores the untrusted CA.
 */
export async function startServer(): Promise<TestServer> {
  const ca = await createCA({
    organization: "Capacity Planner e2e CA",
    countryCode: "US",
    state: "WA",
    locality: "Test",
    validity: 2,
  });
  const cert = await createCert({ ca, domains: ["127.0.0.1", "localhost"], validity: 2 });
  const published = new Map<string, string>();
  const server = https.createServer({ key: cert.key, cert: cert.cert }, (request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? "/", "https://127.0.0.1").pathname);
    const extra = published.get(urlPath);
    if (extra !== undefined) {
      response.writeHead(200, {
        "Content-Type": "application/json",
        "Access-Control-Allow-Origin": "*",
      });
      response.end(extra);
      return;
    }
    const file = path.join(DIST, path.normalize(urlPath).replace(/^([/\\])+/, ""));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404, { "Content-Type": "text/plain" });
      response.end(`not found: ${urlPath}`);
      return;
    }
    response.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    publish: (urlPath, body) => published.set(urlPath, body),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
