import * as path from "path";

/** The project root and the build output, for dev tooling (scripts) and the tests alike. */
export const REPO_ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(REPO_ROOT, "dist");
