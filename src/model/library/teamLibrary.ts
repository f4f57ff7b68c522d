/**
 * From a team library's text to the library the add-in uses: parse (with line/column for bad JSON),
 * validate against the team schema, then layer over the base library (team values win) and check the
 * result against the full schema. Pure. Every problem keeps its JSON path.
 *
 * The one implementation of team-library validation: the sidebar (src/taskpane/libraryLoad.ts words its
 * messages) and the publisher's check (`npm run library -- validate FILE --team`, scripts/library-cli.ts)
 * both call it, so a file the CLI passes is a file the sidebar loads, with the same problems listed.
 */
import { isJsonIssue, parseTeamLibraryText, type LibraryIssue } from "./load";
import { layerLibrary } from "./merge";
import type { LibraryDocument, TeamLibrary } from "./schema";

/** Where validation stopped: the text is not JSON, breaks the team schema, or does not fit the base. */
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
