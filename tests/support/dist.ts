import * as fs from "fs";
import * as path from "path";
import { DIST } from "../../scripts/support/paths";

// One definition of the project's paths, shared with the scripts (npm run bench serves dist/ too).
export { DIST, REPO_ROOT } from "../../scripts/support/paths";

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
