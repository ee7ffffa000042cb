import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Plugin } from 'vite';

const TEMPLATE = new URL('./sw-template.js', import.meta.url);

/**
 * Writes the service worker of this build: sw-template.js with the build's id (a hash of every
 * file name of the build, which carry content hashes, and of the template) and the list of files
 * the worker caches when it installs — the start page and every script and stylesheet, so that
 * every route, every lazily loaded page and both languages open offline after one visit.
 * Hand-written rather than Workbox: the worker is 100 lines that the tests exercise, and it keeps
 * the build free of workbox-build's dependency tree.
 */
export function serviceWorker(): Plugin {
  return {
    name: 'zielmonitor-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const template = fs.readFileSync(TEMPLATE, 'utf8');
      const files = Object.keys(bundle)
        .filter((name) => /\.(js|css)$/.test(name))
        .sort();
      const precache = ['/', ...files.map((name) => `/${name}`)];
      const build = crypto.createHash('sha256').update(template).update(precache.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template.replace('__ZM_BUILD__', build).replace('__ZM_PRECACHE__', JSON.stringify(precache)),
      });
    },
  };
}
