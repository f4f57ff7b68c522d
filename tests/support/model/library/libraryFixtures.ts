/** Mutable copies of the default library for tests that break one thing at a time. */
import { VALIDATED_BUNDLED_LIBRARY } from "../../../../src/model/library/validatedBundledLibrary";
import type { LibraryIssue, ParseResult } from "../../../../src/model/library/load";

export type JsonObject = Record<string, unknown>;

export function cloneDefault(): JsonObject {
  return structuredClone(VALIDATED_BUNDLED_LIBRARY) as unknown as JsonObject;
}

/**
 * A deep copy of `doc` with the value at a dotted path replaced (ids contain "-" but never ".").
 * `undefined` deletes the field.
 */
export function withChange(
  path: string,
  value: unknown,
  doc: JsonObject = cloneDefault()
): JsonObject {
  const copy = structuredClone(doc);
  const segments = path.split(".");
  let node = copy;
  for (const segment of segments.slice(0, -1)) {
    const child = node[segment];
    if (typeof child !== "object" || child === null)
      throw new Error(`no object at ${segment} in ${path}`);
    node = child as JsonObject;
  }
  const last = segments[segments.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** The issues of a failed parse; fails the test if the parse succeeded. */
export function issuesOf<T>(result: ParseResult<T>): LibraryIssue[] {
  if (result.ok) throw new Error("expected the document to be rejected, but it was accepted");
  return result.issues;
}
