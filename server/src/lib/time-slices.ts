import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Cooperative time slicing for long work on the event loop: after each piece, `pause()` gives
 * other requests one turn once about 10 ms have passed since the last pause. A request that
 * takes seconds then never holds up the others for long.
 */
export function timeSlices(sliceMs = 10) {
  let sliceStart = performance.now();
  return {
    due: () => performance.now() - sliceStart >= sliceMs,
    async pause(): Promise<void> {
      await nextTurn();
      sliceStart = performance.now();
    },
  };
}
