import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { serviceWorker } from './build/sw-plugin.ts';

/**
 * Writes a Brotli and a gzip copy beside every text asset of the build, so the server sends
 * compressed files without compressing per request (@fastify/static's preCompressed). On a
 * congested projector network the first screen's JS is a third of its size on the wire.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'zielmonitor-precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
      for (const file of walk(outDir).filter((f) => /\.(js|css|html|svg|json|txt)$/.test(f))) {
        const source = fs.readFileSync(file);
        if (source.length < 1024) continue;
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(source, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(source, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), serviceWorker(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 500,
    modulePreload: {
      // index.html preloads what the first screen needs. A chunk loaded on demand brings its own
      // imports: Vite's runtime preloading would insert a <link> per dependency on every API call
      // (each answer's schema is such a chunk), a long task on a slow laptop.
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
