import * as fs from "fs";
import * as path from "path";

/** The project root and the build output, for dev tooling (scripts) and the tests alike. */
export const REPO_ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(REPO_ROOT, "dist");

/** Tools and tests over the built add-in need `npm run build` first (npm test does it): say so rather than fail obscurely. */
export function readDistFile(name: string): string {
  const file = path.join(DIST, name);
  if (!fs.existsSync(file)) {
    throw new Error(
      `${file} is missing: run "npm run build" before these tests (npm test does it for you)`
    );
  }
  return fs.readFileSync(file, "utf8");
}
