/**
 * Keeps track of the sidebar's running actions, so the host page (and tests) can wait until every
 * click has finished its work.
 */
export type Track = <T>(work: Promise<T>) => Promise<T>;

export interface TaskTracker {
  readonly track: Track;
  /** Resolves when no tracked work is running (including work started while waiting). */
  whenIdle(): Promise<void>;
  pending(): number;
}

export function createTaskTracker(): TaskTracker {
  const running = new Set<Promise<unknown>>();
  const track: Track = (work) => {
    const settled = work.then(
      () => undefined,
      () => undefined
    );
    running.add(settled);
    void settled.then(() => running.delete(settled));
    return work;
  };
  return {
    track,
    async whenIdle() {
      while (running.size > 0) await Promise.all([...running]);
    },
    pending: () => running.size,
  };
}
