/**
 * Fails when the dashboard grows past its budget (run by `npm test` after the build): the JS the
 * first screen loads stays within 100 KiB gzip, no chunk exceeds 500 KiB uncompressed, and every
 * script and stylesheet has the Brotli and gzip copies the server sends instead of the plain file.
 */
import { measureBundle } from './lib/bundle-size.ts';

const BUDGET = { initialGzipKiB: 100, chunkKiB: 500 };

const size = measureBundle();
const problems = [
  size.initialGzipKiB > BUDGET.initialGzipKiB &&
    `initial JS ${size.initialGzipKiB.toFixed(1)} KiB gzip > ${BUDGET.initialGzipKiB} KiB`,
  size.largestChunkKiB > BUDGET.chunkKiB &&
    `chunk ${size.largestChunk} ${size.largestChunkKiB.toFixed(1)} KiB > ${BUDGET.chunkKiB} KiB`,
  size.uncompressed.length > 0 && `no precompressed copy of ${size.uncompressed.join(', ')}`,
].filter(Boolean);
console.log(
  `Bundle: initial JS ${size.initialGzipKiB.toFixed(1)} KiB gzip (budget ${BUDGET.initialGzipKiB}), largest chunk ${size.largestChunkKiB.toFixed(1)} KiB (budget ${BUDGET.chunkKiB})`,
);
if (problems.length > 0) {
  console.error(`Bundle budget exceeded: ${problems.join('; ')}`);
  process.exitCode = 1;
}
