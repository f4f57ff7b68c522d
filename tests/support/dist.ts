// One definition of the project's paths and of reading the build, shared with the scripts (npm run bench
// loads dist/ too).
export { DIST, REPO_ROOT, readDistFile } from "../../scripts/support/paths";
