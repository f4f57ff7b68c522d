/**
 * The check-or-write step of the scripts that generate parts of docs/model.md (excel-rows-doc.ts,
 * xai-case-v2.ts, xai-case-risk.ts): compare the document with what it should be, then say it is out of date
 * (exit code 1), rewrite it, or say it is up to date.
 */
import { readFileSync, writeFileSync } from "fs";

export interface GeneratedDoc {
  readonly path: string;
  /** The document as it should be, from the current one. */
  readonly expected: (doc: string) => string;
  /** What is generated, for the messages: "docs/model.md section 8b". */
  readonly what: string;
  /** The command that rewrites it. */
  readonly writeCommand: string;
  /** Said after a rewrite (default: "<what> rewritten"). */
  readonly rewritten?: string;
}

export function checkOrWriteDoc(g: GeneratedDoc, check: boolean): void {
  const doc = readFileSync(g.path, "utf8");
  const expected = g.expected(doc);
  if (check) {
    if (expected !== doc) {
      console.error(`${g.what} is out of date: run ${g.writeCommand}`);
      process.exitCode = 1;
    }
  } else if (expected !== doc) {
    writeFileSync(g.path, expected);
    console.log(g.rewritten ?? `${g.what} rewritten`);
  } else {
    console.log(`${g.what} is up to date`);
  }
}
