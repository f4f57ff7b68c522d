/**
 * Where a move lands in a filtered listbox (moveTarget): pinned for a list of 4 shown options.
 */
import { moveTarget } from "../../../src/taskpane/listboxKeyboard";

test("moves within the shown options and stops at the ends", () => {
  // Given 4 shown options, the second (index 1) selected
  expect(moveTarget(1, 4, "next")).toBe(2);
  expect(moveTarget(1, 4, "previous")).toBe(0);
  expect(moveTarget(1, 4, "first")).toBe(0);
  expect(moveTarget(1, 4, "last")).toBe(3);
  // At the ends it stays
  expect(moveTarget(3, 4, "next")).toBe(3);
  expect(moveTarget(0, 4, "previous")).toBe(0);
});

test("with nothing shown selected, down goes to the first and up to the last", () => {
  expect(moveTarget(-1, 4, "next")).toBe(0);
  expect(moveTarget(-1, 4, "previous")).toBe(3);
});
