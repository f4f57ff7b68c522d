/* global HTMLElement, KeyboardEvent */
/**
 * The keyboard of a filtered listbox with a search box above it (the Models panel, the function finder):
 * arrows, Home and End move the selection among the shown options, Space or Enter selects the first when
 * none is shown selected, a keyboard focus selects the first, a click selects the clicked one, and keys in
 * the search box enter the list. One behaviour, so both lists answer the keyboard alike.
 */

export type ListMove = "next" | "previous" | "first" | "last";

const MOVE_KEYS: Readonly<Record<string, ListMove>> = {
  ArrowDown: "next",
  ArrowUp: "previous",
  Home: "first",
  End: "last",
};

/** Index to select among `count` shown options when moving `to` from `at` (-1: none selected). */
export function moveTarget(at: number, count: number, to: ListMove): number {
  if (to === "first") return 0;
  if (to === "last") return count - 1;
  if (at === -1) return to === "next" ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, at + (to === "next" ? 1 : -1)));
}

export interface ListboxKeyboard {
  readonly list: HTMLElement;
  readonly search: HTMLElement;
  /** Keys in the search box that move the focus into the list. */
  readonly searchKeysToList: readonly string[];
  /** Moves the selection (the panel knows its shown options). */
  move(to: ListMove): void;
  /** Whether an option is selected and shown (not filtered out). */
  hasShownSelection(): boolean;
  /** After Enter in the list selected an option (e.g. go to the chosen function's first argument). */
  onEnter?(): void;
}

export interface WiredListbox {
  /** An option was clicked: the mouse press that preceded it must not count against a later keyboard focus. */
  optionClicked(): void;
}

export function wireListboxKeyboard(k: ListboxKeyboard): WiredListbox {
  k.list.addEventListener("keydown", (event: KeyboardEvent) => {
    const direction = MOVE_KEYS[event.key];
    if (direction !== undefined) {
      event.preventDefault();
      k.move(direction);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (!k.hasShownSelection()) k.move("first");
      if (event.key === "Enter") k.onEnter?.();
    }
  });
  // Focus by keyboard selects the first option when none is; a click selects the clicked one instead.
  let pointerDown = false;
  k.list.addEventListener("mousedown", () => {
    pointerDown = true;
  });
  k.list.addEventListener("focus", () => {
    if (pointerDown) {
      pointerDown = false;
      return;
    }
    if (!k.hasShownSelection()) k.move("first");
  });
  k.search.addEventListener("keydown", (event: KeyboardEvent) => {
    if (k.searchKeysToList.includes(event.key)) {
      event.preventDefault();
      k.list.focus();
    }
  });
  return {
    optionClicked() {
      pointerDown = false;
    },
  };
}
