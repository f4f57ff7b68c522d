/**
 * A production-like static host for the deploy tests: serves a folder (the built dist/) over http on
 * 127.0.0.1 with the response headers of a SHIPPED host configuration (deploy/_headers, as Netlify and
 * Cloudflare Pages read it, or deploy/staticwebapp.config.json, as Azure Static Web Apps reads it), so
 * the tests check the files a team deploys, not a copy of their rules. Like those hosts it sends only
 * what the configuration says (no CORS by default), an ETag, and 304 for a matching If-None-Match.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";

export type Headers = Readonly<Record<string, string>>;

/** What a host adds to a path's response: the configuration's headers and, for some, a content type. */
export interface HeaderRules {
  headersFor(urlPath: string): Record<string, string>;
  contentTypeFor?(urlPath: string): string | undefined;
}

/** Content types a static host sends by default (the ones dist/ needs). */
const DEFAULT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
};

/** "/assets/*" -> a RegExp over the whole path; `*` matches anything (a splat), as on both hosts. */
function pathPattern(pattern: string): RegExp {
  const escaped = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${escaped}$`);
}

interface HeadersRule {
  readonly pattern: string;
  readonly match: RegExp;
  readonly headers: Record<string, string>;
}

/**
 * Parses a Netlify / Cloudflare Pages `_headers` file: a path line, then indented `Name: value` lines;
 * `#` starts a comment. Throws on anything else, so a typo in the shipped file fails the tests.
 */
export function parseHeadersFile(text: string): HeadersRule[] {
  const rules: HeadersRule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.trimStart().startsWith("#")) return;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      if (!pattern.startsWith("/"))
        throw new Error(`_headers line ${i + 1}: a path must start with /`);
      rules.push({ pattern, match: pathPattern(pattern), headers: {} });
      return;
    }
    const header = /^\s+([A-Za-z0-9-]+):\s*(.+?)\s*$/.exec(line);
    const rule = rules[rules.length - 1];
    if (header === null || rule === undefined)
      throw new Error(`_headers line ${i + 1}: expected "  Name: value" under a path: ${line}`);
    rule.headers[header[1].toLowerCase()] = header[2];
  });
  return rules;
}

/** Every matching rule applies; a header set by two of them is joined with ", " (Cloudflare does). */
export function headersFileRules(text: string): HeaderRules & { readonly rules: HeadersRule[] } {
  const rules = parseHeadersFile(text);
  return {
    rules,
    headersFor(urlPath) {
      const out: Record<string, string> = {};
      for (const rule of rules) {
        if (!rule.match.test(urlPath)) continue;
        for (const [name, value] of Object.entries(rule.headers))
          out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
      }
      return out;
    },
  };
}

interface SwaConfig {
  readonly globalHeaders?: Headers;
  readonly routes?: readonly { readonly route: string; readonly headers?: Headers }[];
  readonly mimeTypes?: Headers;
}

const lower = (headers: Headers | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));

/**
 * Azure Static Web Apps: the first route that matches applies; its headers override globalHeaders of
 * the same name (the rest of globalHeaders still apply); mimeTypes maps an extension to its type.
 */
export function staticWebAppRules(text: string): HeaderRules & { readonly config: SwaConfig } {
  const config = JSON.parse(text) as SwaConfig;
  const routes = (config.routes ?? []).map((r) => ({
    match: pathPattern(r.route),
    headers: r.headers,
  }));
  return {
    config,
    headersFor(urlPath) {
      const route = routes.find((r) => r.match.test(urlPath));
      return { ...lower(config.globalHeaders), ...lower(route?.headers) };
    },
    contentTypeFor(urlPath) {
      return config.mimeTypes?.[path.extname(urlPath)];
    },
  };
}

export interface StaticHost {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 (an ephemeral port) with `rules`; GET, HEAD and OPTIONS, like the hosts. */
export async function startStaticHost(root: string, rules: HeaderRules): Promise<StaticHost> {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://host").pathname);
    const file = path.resolve(base, `.${urlPath}`);
    const inside = file.startsWith(base + path.sep);
    if (!inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const headers = rules.headersFor(urlPath);
    if (req.method === "OPTIONS") {
      // A preflight: the static hosts answer it with the path's headers and no body.
      res.writeHead(204, headers).end();
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD, OPTIONS" }).end();
      return;
    }
    const body = fs.readFileSync(file);
    const etag = `"${crypto.createHash("sha1").update(body).digest("hex")}"`;
    const type =
      rules.contentTypeFor?.(urlPath) ??
      DEFAULT_TYPES[path.extname(file)] ??
      "application/octet-stream";
    const common = { ...headers, etag, "content-type": type };
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, common).end();
      return;
    }
    res.writeHead(200, { ...common, "content-length": String(body.length) });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

export interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** One request with an Origin header, as Excel on the web sends it (node's http: no CORS of its own). */
export function request(
  origin: string,
  urlPath: string,
  options: { method?: string; headers?: Record<string, string> } = {}
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${origin}${urlPath}`,
      { method: options.method ?? "GET", headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          })
        );
      }
    );
    req.on("error", reject);
    req.end();
  });
}
