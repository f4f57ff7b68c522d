/**
 * Keeping the functions' idea of the workbook's pin current after the pane writes the template registry
 * (Insert, Apply, Undo): the functions read the pin only when the runtime starts, so without this a
 * template inserted or refreshed from the library in use would still be checked against the old pin.
 */
import type { PinState } from "../shared-state/activeLibrary";
import { updatePinnedLibrary } from "../excel/pinnedLibrary";
import type { RecalcExcel } from "../excel/recalculate";

export interface PinFollower {
  /** For the operation's options: hears the pin of the registry it saved. */
  readonly onPinned: (pin: PinState) => void;
  /**
   * After the operation succeeded: the pin it reported (no sync), or the pin read from the workbook when
   * it reported none (it recovered from a failure); recalculates only if that changed the answers.
   */
  update(): Promise<void>;
}

export function followPin(excel: RecalcExcel): PinFollower {
  let saved: PinState | undefined;
  return {
    onPinned: (pin) => {
      saved = pin;
    },
    async update() {
      try {
        await updatePinnedLibrary(excel, saved);
      } catch {
        // The registry could not be read: the pin known before stays, as does what the functions answer.
      }
    },
  };
}
