/**
 * Library or user text inside a message string, marked as an isolated run. Pure (no DOM), so the Excel layer
 * can mark the names and sheet names in the messages it composes, and the sidebar renders each run as a
 * <bdi dir="auto"> (src/taskpane/dom.ts withIsolates()).
 */

// FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE: plain text's <bdi dir="auto">. The schema refuses
// them in library text; they are also removed from any other text isolate() wraps (a file name, a
// sheet name), so only isolate() itself can open or close a run.
export const FSI = "\u2068";
export const PDI = "\u2069";
export const ISOLATE_MARKS = /[\u2066-\u2069]/g;

/** "Inserted the sheet '${isolate(name)}'": messages stay strings, and plain text keeps the isolation. */
export function isolate(text: string): string {
  return `${FSI}${text.replace(ISOLATE_MARKS, "")}${PDI}`;
}
