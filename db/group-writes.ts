const largestBatch = 500;

/**
 * Joins calls into shared writes, as a database joins commits: the calls of one turn of the event
 * loop go together, and calls made while a write is in flight go in the next. Each caller gets its
 * own result (or the write's error), and only once the write holding its item has finished.
 */
export function groupWrites<T, R>(write: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  let waiting: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  let writing = false;
  async function drain() {
    writing = true;
    // One turn lets the writes of steps finishing together join: PGlite runs one statement at a time
    // on this thread, and there each write otherwise went out alone before the next one came.
    await new Promise((resolve) => setImmediate(resolve));
    while (waiting.length > 0) {
      const batch = waiting.slice(0, largestBatch);
      waiting = waiting.slice(largestBatch);
      try {
        const results = await write(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    writing = false;
  }
  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}
