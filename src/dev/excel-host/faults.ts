/**
 * Fault injection for tests: make the in-memory host fail the way Excel (and the network between the
 * add-in and Excel) can, so code that must survive those failures can be shown to survive them.
 *
 *   host.faults.failOperation({ location: "SettingCollection.add", key: "capplan.templates" });
 *   host.faults.loseResponse();          // the next round trip is applied, but its answer is lost
 *
 * - `failOperation`: the matching queued operation throws when the sync reaches it, exactly like an
 *   operation Excel refuses: earlier operations of that sync stay applied, later ones are dropped.
 *   `location` is the operation's debugInfo.errorLocation ("Range.values", "SettingCollection.add"...);
 *   `key` narrows a settings operation (add, Setting.value, Setting.delete) to one setting key.
 * - `loseResponse`: every operation of the round trip is applied, then `sync()` rejects anyway (Excel
 *   on the web: the request reached Excel, the response never came back). No loads are delivered.
 *
 * A fault fires `times` times (default once) and is then spent; `clear()` removes all of them.
 */
import { MemoryExcelError } from "./errors";
import type { MemoryErrorCode } from "./errors";

export interface OperationFault {
  /** The failing operation's errorLocation, e.g. "SettingCollection.add". */
  readonly location: string;
  /** Settings operations only: fail only for this setting key. */
  readonly key?: string;
  /** The error code Excel reports (default "GeneralException"). */
  readonly code?: MemoryErrorCode;
  /** Matching operations to let through before failing (default 0). */
  readonly skip?: number;
  /** How many matching operations fail (default 1; Infinity: every one). */
  readonly times?: number;
}

export interface LostResponseFault {
  /** Round trips to let through before losing one (default 0: the next one). */
  readonly skip?: number;
}

interface ArmedOperationFault {
  readonly fault: OperationFault;
  skip: number;
  times: number;
}

export class MemoryFaults {
  private operations: ArmedOperationFault[] = [];
  private lost: { skip: number }[] = [];

  failOperation(fault: OperationFault): void {
    this.operations.push({ fault, skip: fault.skip ?? 0, times: fault.times ?? 1 });
  }

  loseResponse(fault: LostResponseFault = {}): void {
    this.lost.push({ skip: fault.skip ?? 0 });
  }

  clear(): void {
    this.operations = [];
    this.lost = [];
  }

  /** Whether any fault is still armed (tests assert their fault actually fired). */
  get pending(): number {
    return this.operations.length + this.lost.length;
  }

  /**
   * Throws the injected error if an armed fault matches. Called by the request context for every
   * operation (without a key) and by settings operations (with their key).
   */
  checkOperation(location: string, key?: string): void {
    for (const armed of this.operations) {
      const f = armed.fault;
      if (f.location !== location) continue;
      // Keyed faults are checked only where the key is known, unkeyed ones only once per operation.
      if ((f.key === undefined) !== (key === undefined)) continue;
      if (f.key !== undefined && f.key !== key) continue;
      if (armed.skip > 0) {
        armed.skip -= 1;
        continue;
      }
      armed.times -= 1;
      if (armed.times <= 0) this.operations = this.operations.filter((a) => a !== armed);
      throw new MemoryExcelError(
        f.code ?? "GeneralException",
        `Injected fault: ${location}${key === undefined ? "" : ` '${key}'`} failed.`,
        location
      );
    }
  }

  /** Called once per round trip after its operations were applied: true when its answer is lost. */
  takeLostResponse(): boolean {
    const first = this.lost[0];
    if (first === undefined) return false;
    if (first.skip > 0) {
      first.skip -= 1;
      return false;
    }
    this.lost.shift();
    return true;
  }
}
