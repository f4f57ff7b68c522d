/**
 * One workbook operation at a time per Excel namespace: an insert started while another is still
 * running (a double click) waits for it, so both see each other's sheet and names, and a refresh
 * never plans against a half-inserted template.
 */
import type { ExcelApi } from "./excelApi";

const tails = new WeakMap<object, Promise<void>>();

export function serialized<T>(excel: ExcelApi, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(excel) ?? Promise.resolve();
  const run = previous.then(task);
  tails.set(
    excel,
    run.then(
      () => undefined,
      () => undefined
    )
  );
  return run;
}
