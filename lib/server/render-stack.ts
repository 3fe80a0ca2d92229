import { cacheSignal } from "react";

/**
 * Lets the render's finished-signal reason drop its stack frames. React aborts each render's cache
 * signal once the render completes, with an Error made in a setImmediate callback; an Error keeps
 * its frames, receivers included, until its stack is first read. The receiver there is the
 * Immediate, which stays linked to the other Immediates of its turn and, through their async
 * context, to their requests, whose own reasons lead on to theirs. One lasting reference to any
 * request (next-auth's preact keeps a promise made during the first) then held every later one:
 * every answered page, in a heap snapshot under load (docs/benchmarks.md). Reading the stack once
 * turns the frames into a string.
 */
export function forgetRenderStackOnceFinished(): void {
  const signal = cacheSignal();
  signal?.addEventListener("abort", () => void (signal.reason as Error | undefined)?.stack, { once: true });
}
