import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { repoRoot } from './server-process.ts';

export type BundleSize = {
  initialFiles: string[];
  initialGzipKiB: number;
  largestChunk: string;
  largestChunkKiB: number;
  /** Scripts and stylesheets without the .br and .gz copies the server prefers. */
  uncompressed: string[];
};

/** The JS the first screen loads (scripts and module preloads in index.html), gzip-compressed, and the largest chunk. */
export function measureBundle(dist = path.join(repoRoot, 'client', 'dist')): BundleSize {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initialFiles = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const initial = initialFiles.reduce((n, file) => n + zlib.gzipSync(fs.readFileSync(path.join(dist, file))).length, 0);
  const assets = fs.readdirSync(path.join(dist, 'assets'));
  const chunks = assets
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ f, size: fs.statSync(path.join(dist, 'assets', f)).size }))
    .sort((a, b) => b.size - a.size);
  const uncompressed = assets
    .filter((f) => /\.(js|css)$/.test(f) && fs.statSync(path.join(dist, 'assets', f)).size >= 1024)
    .filter((f) => !assets.includes(`${f}.br`) || !assets.includes(`${f}.gz`));
  return {
    initialFiles,
    initialGzipKiB: initial / 1024,
    largestChunk: chunks[0]?.f ?? '',
    largestChunkKiB: (chunks[0]?.size ?? 0) / 1024,
    uncompressed,
  };
}
