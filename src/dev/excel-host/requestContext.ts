/**
 * Excel.RequestContext for the in-memory host: queues operations and applies them at `sync()`.
 */
import { MemoryExcelError } from "./errors";
import type { HostEnv, LoadOption, OpExec, QueuedOp } from "./runtime";
import { MemoryWorkbook } from "./workbook";

interface HasLoad {
  load(option?: LoadOption): unknown;
}

export class MemoryRequestContext {
  private _queue: QueuedOp[] = [];
  private _closed = false;
  private _workbook: MemoryWorkbook | undefined;

  /** Office's tracked-object API; objects live for the whole Excel.run here, so these do nothing. */
  readonly trackedObjects = {
    add: (object: unknown): void => void object,
    remove: (object: unknown): void => void object,
  };

  constructor(readonly env: HostEnv) {}

  /** The workbook proxy (created, and its instantiation queued, on first access). */
  get workbook(): MemoryWorkbook {
    if (this._workbook === undefined) this._workbook = new MemoryWorkbook(this);
    return this._workbook;
  }

  enqueue(op: QueuedOp): void {
    if (this._closed) {
      throw new MemoryExcelError(
        "InvalidObjectPath",
        `The object path '${op.location}' isn't working for what you're trying to do: its Excel.run batch has finished.`,
        op.location
      );
    }
    this._queue.push(op);
  }

  /** `context.load(object, option)`, the same as `object.load(option)`. */
  load<T extends HasLoad>(object: T, option?: LoadOption): T {
    object.load(option);
    return object;
  }

  /**
   * Sends the queued operations as one round trip: applies them in order, then delivers loaded
   * values. The first failing operation rejects the sync with its error (errorLocation names the
   * operation); operations before it stay applied, later ones are dropped.
   */
  async sync<T>(passThroughValue?: T): Promise<T | undefined> {
    const ops = this._queue;
    this._queue = [];
    if (ops.length === 0) {
      await Promise.resolve();
      return passThroughValue;
    }
    // The round trip: nothing is applied until the caller has yielded, as with a real request.
    await Promise.resolve();
    const commits: Array<() => void> = [];
    let writes = 0;
    const exec: OpExec = {
      commit: (fn) => {
        commits.push(fn);
      },
      countWrites: (cells) => {
        writes += cells;
      },
    };
    const failure = this.env.store.batch((): MemoryExcelError | null => {
      for (const op of ops) {
        try {
          this.env.faults.checkOperation(op.location);
          op.run(exec);
        } catch (error) {
          if (error instanceof MemoryExcelError) return error.located(op.location);
          throw error;
        }
      }
      return null;
    });
    this.env.recordSync({
      operations: ops.length,
      writes,
      failedWith: failure === null ? null : failure.code,
    });
    if (failure !== null) throw failure;
    // Injected: everything above was applied in the workbook, but the answer never reaches the add-in.
    if (this.env.faults.takeLostResponse()) throw new MemoryExcelError("ConnectionFailure");
    for (const commit of commits) commit();
    return passThroughValue;
  }

  /** Excel.run(context, batch): the context is used again for another batch. */
  _reopen(): void {
    this._closed = false;
  }

  /** Ends the context's Excel.run: further use of its objects throws InvalidObjectPath. */
  _close(): void {
    this._closed = true;
    this._queue = [];
  }
}
