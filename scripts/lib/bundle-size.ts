import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { repoRoot } from './server-process.ts';

export type BundleSize = { initialFiles: string[]; initialGzipKiB: number; largestChunk: string; largestChunkKiB: number };

/** The JS the first screen loads (scripts and module preloads in index.html), gzip-compressed, and the largest chunk. */
export function measureBundle(dist = path.join(repoRoot, 'client', 'dist')): BundleSize {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initialFiles = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const initial = initialFiles.reduce((n, file) => n + zlib.gzipSync(fs.readFileSync(path.join(dist, file))).length, 0);
  const chunks = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'))
    .map((f) => ({ f, size: fs.statSync(path.join(dist, 'assets', f)).size })).sort((a, b) => b.size - a.size);
  return { initialFiles, initialGzipKiB: initial / 1024, largestChunk: chunks[0]?.f ?? '', largestChunkKiB: (chunks[0]?.size ?? 0) / 1024 };
}
