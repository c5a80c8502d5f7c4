// Long synchronous work in slices, letting the event loop run in between.
// During an import the connection is busy with a COPY that this process
// feeds through a socket: work that holds the thread for 100 ms starves
// Postgres of input after the few hundred KB the kernel buffers. Slices of
// a few milliseconds keep it fed.

/** Resolves after the event loop has had a turn (sockets written, replies read). */
export function yieldToIo(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

/** `work` over `items` in slices of `size`, with a turn of the event loop after each; results in order. */
export async function inSlices<T, R>(items: readonly T[], size: number, work: (slice: readonly T[]) => Promise<readonly R[]> | readonly R[]): Promise<R[]> {
  const out: R[] = [];
  for (let from = 0; from < items.length; from += size) {
    out.push(...(await work(items.slice(from, from + size))));
    if (from + size < items.length) await yieldToIo();
  }
  return out;
}
