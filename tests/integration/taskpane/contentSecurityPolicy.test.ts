/**
 * Issue 7: the task pane had no Content-Security-Policy. The page now carries one as a <meta> before any
 * script, allowing only what the add-in needs (scripts/csp.js says why for each directive).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DIST } from "../../support/dist";

// CommonJS shared with webpack.config.js.
const { contentSecurityPolicy } = require("../../../scripts/csp") as {
  contentSecurityPolicy(options: { development: boolean }): string;
};

const TEMPLATE = fs.readFileSync(
  path.resolve(__dirname, "../../../src/taskpane/taskpane.html"),
  "utf8"
);

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== "")
      .map(([name, ...sources]) => [name, sources])
  );
}

describe("the task pane's Content-Security-Policy", () => {
  it("puts the CSP meta before every script and stylesheet", () => {
    // Given the page template
    const meta = TEMPLATE.indexOf(
      '<meta http-equiv="Content-Security-Policy" content="<%= contentSecurityPolicy %>"'
    );
    // Then a CSP meta comes before every script and stylesheet
    expect(meta).toBeGreaterThan(0);
    expect(meta).toBeLessThan(TEMPLATE.indexOf("<script"));
    expect(meta).toBeLessThan(TEMPLATE.indexOf("<link"));
    // No inline script: every <script> has a src.
    expect(TEMPLATE.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
  });

  it.each([false, true])(
    "allows scripts only from the add-in and Office's CDN (development=%s)",
    (development) => {
      // Given a build with development=%s
      const policy = directives(contentSecurityPolicy({ development }));
      // Then scripts come only from the add-in and Office's CDN, with no eval or inline script
      expect(policy.get("script-src")).toEqual([
        "'self'",
        "https://appsforoffice.microsoft.com",
        "https://ajax.aspnetcdn.com",
      ]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'self'"]);
      expect(policy.get("form-action")).toEqual(["'none'"]);
      expect(policy.get("default-src")).toEqual(["'self'"]);
      const all = [...policy.values()].flat();
      expect(all).not.toContain("'unsafe-eval'");
      expect(all).not.toContain("*");
    }
  );

  it("allows team libraries over https only in production", () => {
    // Given a production build
    // Then team libraries may come from any https address and never over http
    expect(directives(contentSecurityPolicy({ development: false })).get("connect-src")).toEqual([
      "'self'",
      "https:",
    ]);
  });

  it("allows http only to the developer's machine in development", () => {
    // Given a development build
    // Then http is allowed only to the developer's own machine
    expect(directives(contentSecurityPolicy({ development: true })).get("connect-src")).toEqual([
      "'self'",
      "https:",
      "http://localhost:*",
      "http://127.0.0.1:*",
    ]);
  });

  const built = ["taskpane.html", "workbench-taskpane.html"].filter((name) =>
    fs.existsSync(path.join(DIST, name))
  );
  (built.length > 0 ? it.each(built) : it.skip.each(["(not built)"]))(
    "gives the built %s its build's policy and no inline script",
    (name) => {
      // Given the built %s
      const html = fs.readFileSync(path.join(DIST, name), "utf8");
      const match = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
      // Then it carries the policy of its build and no inline script
      expect(match).not.toBeNull();
      expect([
        contentSecurityPolicy({ development: false }),
        contentSecurityPolicy({ development: true }),
      ]).toContain(match?.[1]);
      expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
      expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
    }
  );
});
