import * as fs from "fs";
import * as path from "path";

export const REPO_ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(REPO_ROOT, "dist");

/** Tests over the built add-in need `npm run build` first (npm test does it); say so instead of failing obscurely. */
export function readDistFile(name: string): string {
  const file = path.join(DIST, name);
  if (!fs.existsSync(file)) {
    throw new Error(
      `${file} is missing: run "npm run build" before these tests (npm test does it for you)`
    );
  }
  return fs.readFileSync(file, "utf8");
}
