/**
 * Excel on the web loads functions.json and functions.js with cross-origin requests from its own origin:
 * without Access-Control-Allow-Origin on the production host, the CAPPLAN functions never register
 * there (the dev server sends CORS, which is why this never showed in development). These tests serve
 * the built dist/ from a production-like static host that applies the SHIPPED host configuration.
 */
import * as fs from "fs";
import * as path from "path";
import { DIST, REPO_ROOT, readDistFile } from "../../support/dist";
import {
  headersFileRules,
  request,
  staticWebAppRules,
  startStaticHost,
} from "../../support/deploy/staticHost";
import type { HeaderRules, StaticHost } from "../../support/deploy/staticHost";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { summary, manifestTargets } = require("../../../scripts/deploy-summary") as {
  summary: (xml: string, env: Record<string, string | undefined>) => string;
  manifestTargets: (xml: string) => { functionsJson: string | null; functionsJs: string | null };
};

const EXCEL_ORIGIN = "https://excel.officeapps.live.com";
const CROSS_ORIGIN_FILES = ["/functions.json", "/functions.js"];
const JS_TYPE = /^(text|application)\/javascript\b/;
const deployFile = (name: string): string =>
  fs.readFileSync(path.join(REPO_ROOT, "deploy", name), "utf8");

describe("the shipped host configuration reaches dist/", () => {
  test.each(["_headers", "staticwebapp.config.json"])(
    "copies deploy/%s to the root of dist/",
    (name) => {
      // Given a production build
      // Then dist/ holds deploy's file, at the root of what is deployed
      expect(readDistFile(name)).toBe(deployFile(name));
    }
  );
});

const hosts: ReadonlyArray<[string, () => HeaderRules]> = [
  ["Netlify / Cloudflare Pages (_headers)", () => headersFileRules(readDistFile("_headers"))],
  [
    "Azure Static Web Apps (staticwebapp.config.json)",
    () => staticWebAppRules(readDistFile("staticwebapp.config.json")),
  ],
];

describe.each(hosts)("a production-like static host: %s", (_name, rules) => {
  let started: StaticHost | undefined;
  const host = (): StaticHost => {
    if (started === undefined) throw new Error("the static host did not start");
    return started;
  };
  beforeAll(async () => {
    started = await startStaticHost(DIST, rules());
  });
  afterAll(async () => started?.close());

  test.each(CROSS_ORIGIN_FILES)(
    "allows Excel on the web's cross-origin GET of %s",
    async (file) => {
      // Given Excel on the web's origin
      // When it GETs the file
      const reply = await request(host().origin, file, { headers: { Origin: EXCEL_ORIGIN } });
      // Then the reply allows the cross-origin read
      expect(reply.status).toBe(200);
      expect([EXCEL_ORIGIN, "*"]).toContain(reply.headers["access-control-allow-origin"]);
      expect(reply.headers["cache-control"]).toBe("no-cache");
      expect(reply.headers["x-content-type-options"]).toBe("nosniff");
      expect(reply.body.length).toBeGreaterThan(1000);
    }
  );

  test("serves functions.json and functions.js with their content types", async () => {
    // Given functions.json and functions.js
    const json = await request(host().origin, "/functions.json", {
      headers: { Origin: EXCEL_ORIGIN },
    });
    // Then each comes with its content type (nosniff is set)
    expect(json.headers["content-type"]).toMatch(/^application\/json\b/);
    expect(() => JSON.parse(json.body) as unknown).not.toThrow();
    const js = await request(host().origin, "/functions.js", { headers: { Origin: EXCEL_ORIGIN } });
    expect(js.headers["content-type"]).toMatch(JS_TYPE);
  });

  test.each(CROSS_ORIGIN_FILES)("answers a CORS preflight for %s", async (file) => {
    // Given a CORS preflight for the file (one case per row)
    const reply = await request(host().origin, file, {
      method: "OPTIONS",
      headers: { Origin: EXCEL_ORIGIN, "Access-Control-Request-Method": "GET" },
    });
    // Then it is answered with the origin and GET allowed
    expect(reply.status).toBe(204);
    expect([EXCEL_ORIGIN, "*"]).toContain(reply.headers["access-control-allow-origin"]);
    expect(reply.headers["access-control-allow-methods"]).toMatch(/\bGET\b/);
  });

  test("keeps CORS on a 304", async () => {
    // Given a cached functions.json
    const first = await request(host().origin, "/functions.json", {
      headers: { Origin: EXCEL_ORIGIN },
    });
    const etag = String(first.headers.etag);
    // When Excel revalidates it
    const again = await request(host().origin, "/functions.json", {
      headers: { Origin: EXCEL_ORIGIN, "If-None-Match": etag },
    });
    // Then 304 still carries CORS
    expect(again.status).toBe(304);
    expect([EXCEL_ORIGIN, "*"]).toContain(again.headers["access-control-allow-origin"]);
  });

  test("caches the other manifest files a day", async () => {
    // Given the other files the manifest names
    // Then the add-in's revalidate and the icons cache a day
    for (const file of ["/taskpane.html", "/taskpane.js", "/manifest.xml"]) {
      const reply = await request(host().origin, file);
      expect([file, reply.status, reply.headers["cache-control"]]).toEqual([file, 200, "no-cache"]);
    }
    const icon = await request(host().origin, "/assets/icon-32.png");
    expect(icon.headers["cache-control"]).toBe("public, max-age=86400");
    expect(icon.headers["content-type"]).toBe("image/png");
  });
});

describe("a static host without the shipped configuration (what 'copy dist/' gave)", () => {
  test("sends no CORS header without header rules", async () => {
    // Given no header rules
    // When Excel on the web GETs functions.json
    const bare = await startStaticHost(DIST, { headersFor: () => ({}) });
    // Then no CORS header comes back
    try {
      const reply = await request(bare.origin, "/functions.json", {
        headers: { Origin: EXCEL_ORIGIN },
      });
      expect(reply.status).toBe(200);
      expect(reply.headers["access-control-allow-origin"]).toBeUndefined();
    } finally {
      await bare.close();
    }
  });
});

/** One nginx directive: its words, and the directives of its { } block when it has one. */
interface NginxDirective {
  readonly words: readonly string[];
  readonly block?: readonly NginxDirective[];
}

/** Enough of nginx's syntax for the shipped snippet: words, quoted strings, `;`, `{ }`, # comments. */
function parseNginx(text: string): NginxDirective[] {
  const tokens = text.replace(/#[^\n]*/g, "").match(/"[^"]*"|[{};]|[^\s{};"]+/g) ?? [];
  let at = 0;
  const list = (): NginxDirective[] => {
    const directives: NginxDirective[] = [];
    let words: string[] = [];
    while (at < tokens.length) {
      const token = tokens[at++] ?? "";
      if (token === ";") {
        directives.push({ words });
        words = [];
      } else if (token === "{") {
        directives.push({ words, block: list() });
        words = [];
      } else if (token === "}") return directives;
      else words.push(token);
    }
    return directives;
  };
  return list();
}

const everyDirective = (list: readonly NginxDirective[]): NginxDirective[] =>
  list.flatMap((d) => [d, ...everyDirective(d.block ?? [])]);

describe("deploy/nginx.conf", () => {
  const conf = deployFile("nginx.conf");
  const parsed = parseNginx(conf);
  /** The top-level regular-expression location that nginx would pick for `uri` (first match wins). */
  const locationFor = (uri: string): readonly NginxDirective[] | undefined =>
    parsed.find(
      (d) =>
        d.words[0] === "location" && d.words[1] === "~" && new RegExp(d.words[2] ?? "$^").test(uri)
    )?.block;
  const said = (block: readonly NginxDirective[] | undefined): string[] =>
    (block ?? []).map((d) => d.words.join(" "));

  test.each([
    ["/capplan/functions.json", "application/json"],
    ["/capplan/functions.js", "text/javascript"],
  ])("serves %s with CORS, no-cache, nosniff, preflight and type", (uri, type) => {
    // Given the nginx snippet
    const block = locationFor(uri);
    // Then %s gets CORS, no-cache, nosniff, a preflight answer and its type
    expect(block).toBeDefined();
    const lines = said(block);
    expect(lines).toContain('add_header Access-Control-Allow-Origin "*" always');
    expect(lines).toContain('add_header Cache-Control "no-cache" always');
    expect(lines).toContain('add_header X-Content-Type-Options "nosniff" always');
    // Only where mime.types does not know the extension does nginx use default_type.
    expect(lines).toContain(`default_type ${type}`);
    const preflight = (block ?? []).find(
      (d) => d.words.join(" ") === "if ($request_method = OPTIONS)"
    );
    expect(said(preflight?.block)).toEqual(["return 204"]);
  });

  test("has no types block in the nginx snippet", () => {
    // Given the nginx snippet
    // Then it has no types block, which would replace the server's whole mime.types table
    expect(everyDirective(parsed).filter((d) => d.words[0] === "types")).toEqual([]);
    expect(conf).toMatch(/include mime\.types/);
  });

  test("scopes the nginx snippet to the add-in's location", () => {
    // Given the nginx snippet
    // Then it is meant for the add-in's location only, whose example nests the include
    // Included in server { }, its regular expressions would match /functions.js of every site on the server.
    expect(conf).toMatch(
      /^# nginx: include INSIDE the location that serves dist\/.*never directly in server \{ \}/
    );
    expect(conf).toMatch(
      /^#\s+location \/capplan\/ \{ root \/srv\/www; include \/etc\/nginx\/snippets\/capplan\.conf; \}$/m
    );
    expect(
      everyDirective(parsed).filter((d) =>
        ["server", "http", "root", "alias"].includes(d.words[0] ?? "")
      )
    ).toEqual([]);
  });

  test("tells the README reader to include the snippet in the add-in's location", () => {
    // Given the README's deploy step
    const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const step = /- \*\*nginx\*\*:([\s\S]*?)\n\s*- \*\*Anything else/.exec(readme)?.[1] ?? "";
    // Then it says to include the snippet inside the add-in's location
    expect(step).toMatch(/inside the `location` that serves `dist\/`/);
    expect(step).not.toMatch(/in the server \(or/);
  });
});

describe("npm run build prints where the manifest points", () => {
  const built = () => readDistFile("manifest.xml");

  test("names functions.json's URL and its origin in the summary", () => {
    // Given the production manifest
    const targets = manifestTargets(built());
    // Then the summary names functions.json's URL and where it came from
    expect(targets.functionsJson).toBe("https://capplan.example.com/functions.json");
    const text = summary(built(), { npm_package_config_prod_url: "https://capplan.example.com/" });
    expect(text).toContain("points Excel at https://capplan.example.com/");
    expect(text).toContain("functions.json https://capplan.example.com/functions.json");
    expect(text).toContain("package.json config.prod_url");
    expect(text).toMatch(/WARNING: that is the placeholder host/);
  });

  test("credits a root ADDIN_PUBLIC_URL without warning", () => {
    // Given ADDIN_PUBLIC_URL at a host's root
    const xml = built().split("https://capplan.example.com/").join("https://addins.contoso.com/");
    const text = summary(xml, { ADDIN_PUBLIC_URL: "https://addins.contoso.com" });
    // Then the summary credits it and gives no warning
    expect(text).toContain("points Excel at https://addins.contoso.com/");
    expect(text).toContain("(from ADDIN_PUBLIC_URL)");
    expect(text).not.toContain("WARNING");
  });

  test("warns about an ADDIN_PUBLIC_URL with a path", () => {
    const xml = built()
      .split("https://capplan.example.com/")
      .join("https://addins.contoso.com/capplan/");
    const text = summary(xml, { ADDIN_PUBLIC_URL: "https://addins.contoso.com/capplan" });
    // Then the summary credits it and gives no placeholder warning
    expect(text).toContain("points Excel at https://addins.contoso.com/capplan/");
    expect(text).not.toMatch(/placeholder/);
    // The rules say /functions.json; Excel asks for /capplan/functions.json, which no rule matches.
    expect(text).toMatch(
      /WARNING: .*path \/capplan\/.*_headers and dist\/staticwebapp\.config\.json/
    );
    expect(text).toMatch(/no CORS/);
    expect(text).toContain("deploy/nginx.conf");
    expect(text).toContain("/capplan/functions.json");
  });

  test("runs the summary after webpack", () => {
    // Given package.json
    const scripts = (
      JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    // Then npm run build runs the summary after webpack
    expect(scripts.build).toMatch(
      /^webpack --mode production && node scripts\/deploy-summary\.js$/
    );
  });
});
