/**
 * The sidebar's words for a team library's validation (src/model/library/teamLibrary.ts validates it):
 * one line per problem, with its JSON path, and the message shown when a library is rejected.
 */
import { ROOT_PATH, type LibraryIssue } from "../model/library/load";
import type { ValidationResult } from "../model/library/teamLibrary";
import { plural } from "./format";
import type { LoadProblem } from "./libraryFetch";

/** "gpus.h100-sxm.chipPrice.value: must be at least 0 (...)"; the document itself reads "(root)". */
export function issueLine(issue: LibraryIssue): string {
  return issue.path === ROOT_PATH ? issue.message : `${issue.path}: ${issue.message}`;
}

const VALIDATE_HINT = "`npm run library -- validate FILE --team` lists the same problems.";

/**
 * The message for a rejected library. `keeps` names the library that stays in use
 * ("Capacity Planner default library 1.0.0").
 */
export function validationProblem(
  failure: Extract<ValidationResult, { ok: false }>,
  what: string,
  keeps: string
): LoadProblem {
  const stays = `Nothing was changed: ${keeps} stays in use.`;
  const details = failure.issues.map(issueLine);
  switch (failure.stage) {
    case "json":
      return {
        title: `${what} is not valid JSON`,
        details,
        next: `Fix the JSON at that line and column, then load it again. ${stays}`,
      };
    case "schema":
      return {
        title: `${what} has ${plural(failure.issues.length, "problem")}`,
        details,
        next: `Fix each problem at its JSON path and load it again (${VALIDATE_HINT}) ${stays}`,
      };
    case "layering":
      return {
        title: `${what} does not fit over the bundled library: ${plural(failure.issues.length, "problem")}`,
        details,
        next: `Entries the team adds must be complete and every reference must name an existing entry. Fix each problem at its path and load it again (${VALIDATE_HINT}) ${stays}`,
      };
  }
}
