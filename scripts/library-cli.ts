/**
 * Checks a library file before it is published, without Excel:
 *   npx tsx scripts/library-cli.ts validate FILE [--team]   exit 0 when valid, 1 with every problem
 *   npx tsx scripts/library-cli.ts list [FILE] [--team]     ids of every catalog (default library if no FILE)
 * --team validates FILE as a team library and then layered over the bundled default library.
 * Exit codes: 0 valid, 1 invalid library, 2 wrong usage or unreadable file.
 */
import { readFileSync } from "node:fs";
import { VALIDATED_BUNDLED_LIBRARY } from "../src/model/library/validatedBundledLibrary";
import {
  decodeLibraryBytes,
  parseLibraryText,
  type LibraryIssue,
  type ParseResult,
} from "../src/model/library/load";
import type { LibraryDocument } from "../src/model/library/schema";
import { validateTeamLibraryText } from "../src/model/library/teamLibrary";

const USAGE = "usage: library-cli validate FILE [--team]\n       library-cli list [FILE] [--team]";

class UsageError extends Error {}

function loadFile(file: string, team: boolean): ParseResult<LibraryDocument> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`
    );
  }
  // Bytes, not readFileSync(file, "utf8"): Node would turn Windows-1252 text into U+FFFD without a word.
  const decoded = decodeLibraryBytes(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  if (!team) return parseLibraryText(text);
  // The sidebar's own validation (same stages, same problems), over the library it layers team files on.
  const result = validateTeamLibraryText(text, VALIDATED_BUNDLED_LIBRARY);
  return result.ok
    ? { ok: true, library: result.library }
    : { ok: false, issues: [...result.issues] };
}

function summary(library: LibraryDocument): string {
  const count = (record: object) => Object.keys(record).length;
  return (
    `${library.meta.name} ${library.meta.version}: ${count(library.gpus)} GPUs, ${count(library.rentalOffers)} offers, ` +
    `${count(library.regions)} regions, ${count(library.scenarios)} scenarios`
  );
}

function printIssues(issues: readonly LibraryIssue[]): void {
  for (const issue of issues) console.error(`${issue.path}: ${issue.message}`);
}

function listing(library: LibraryDocument): string {
  const section = (title: string, record: object) => `${title}: ${Object.keys(record).join(", ")}`;
  return [
    `${library.meta.id} ${library.meta.version} (${library.meta.name})`,
    section("gpus", library.gpus),
    section("rentalOffers", library.rentalOffers),
    section("regions", library.regions),
    section("approaches", library.approaches),
    section("scenarios", library.scenarios),
  ].join("\n");
}

export function run(args: readonly string[]): number {
  const team = args.includes("--team");
  const [command, file, ...extra] = args.filter((arg) => arg !== "--team");
  const unknownFlag = args.find((arg) => arg.startsWith("--") && arg !== "--team");
  if (unknownFlag !== undefined || extra.length > 0)
    throw new UsageError(`unexpected argument ${unknownFlag ?? extra[0]}`);

  if (command === "validate") {
    if (file === undefined) throw new UsageError("validate needs a FILE");
    const result = loadFile(file, team);
    if (!result.ok) {
      printIssues(result.issues);
      console.error(
        `${result.issues.length} problem${result.issues.length === 1 ? "" : "s"} in ${file}`
      );
      return 1;
    }
    console.log(`OK ${summary(result.library)}`);
    return 0;
  }
  if (command === "list") {
    if (file === undefined && team) throw new UsageError("list --team needs a FILE");
    const result: ParseResult<LibraryDocument> =
      file === undefined ? { ok: true, library: VALIDATED_BUNDLED_LIBRARY } : loadFile(file, team);
    if (!result.ok) {
      printIssues(result.issues);
      return 1;
    }
    console.log(listing(result.library));
    return 0;
  }
  throw new UsageError(command === undefined ? "missing command" : `unknown command "${command}"`);
}

if (require.main === module) {
  try {
    process.exitCode = run(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    process.exitCode = 2;
  }
}
