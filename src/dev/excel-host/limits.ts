import { MemoryExcelError } from "./errors";

/**
 * Excel's limits ("Excel specifications and limits"): 32,767 characters in a cell, 8,192 in a
 * formula. Excel refuses a longer write; the exact error code through Office.js is not documented.
 * This host raises InvalidArgument for text and GeneralException for a formula (what Excel was
 * seen to raise for an 8,200-character entry read as a formula: OfficeDev/office-js#3256).
 * The text limit counts the apostrophe prefix too (stricter: Excel may not count it).
 */
export const MAX_CELL_TEXT = 32767;
export const MAX_FORMULA_LENGTH = 8192;

export function checkTextLength(text: string): void {
  if (text.length > MAX_CELL_TEXT) {
    throw new MemoryExcelError(
      "InvalidArgument",
      `Text of ${text.length} characters: a cell holds at most ${MAX_CELL_TEXT}.`
    );
  }
}

export function checkFormulaLength(formula: string): void {
  if (formula.length > MAX_FORMULA_LENGTH) {
    throw new MemoryExcelError(
      "GeneralException",
      `A formula of ${formula.length} characters: Excel allows at most ${MAX_FORMULA_LENGTH}.`
    );
  }
}
