/**
 * From a team library's text to the library the add-in uses: parse (with line/column for bad JSON),
 * validate against the team schema, then layer over the bundled default (team values win) and check
 * the result against the full schema. Pure. Every problem keeps its JSON path.
 */
import {
  ROOT_PATH,
  isJsonIssue,
  parseTeamLibraryText,
  type LibraryIssue,
} from "../model/library/load";
import { layerLibrary } from "../model/library/merge";
import type { LibraryDocument, TeamLibrary } from "../model/library/schema";
import { plural } from "./format";
import type { LoadProblem } from "./libraryFetch";

export type ValidationStage = "json" | "schema" | "layering";

export type ValidationResult =
  | { readonly ok: true; readonly library: LibraryDocument; readonly team: TeamLibrary }
  | {
      readonly ok: false;
      readonly stage: ValidationStage;
      readonly issues: readonly LibraryIssue[];
    };

export function validateTeamLibraryText(text: string, base: LibraryDocument): ValidationResult {
  const team = parseTeamLibraryText(text);
  if (!team.ok) {
    const json = team.issues.length === 1 && isJsonIssue(team.issues[0]);
    return { ok: false, stage: json ? "json" : "schema", issues: team.issues };
  }
  const layered = layerLibrary(base, team.library);
  if (!layered.ok) return { ok: false, stage: "layering", issues: layered.issues };
  return { ok: true, library: layered.library, team: team.library };
}

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
