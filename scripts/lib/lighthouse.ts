import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';

export type LighthouseFigures = {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
};

/**
 * Lighthouse 12's performance category for one page, as Lighthouse's own CLI measures it:
 * mobile is the default config (simulated slow 4G, 4× CPU slowdown), desktop its desktop
 * preset. Chromium is Debian's (CHROME_PATH, default /usr/bin/chromium), started with a fresh
 * profile per run and without background networking, which this closed network refuses.
 */
export async function runLighthouse(url: string, formFactor: 'mobile' | 'desktop'): Promise<LighthouseFigures> {
  // Lighthouse itself asks for another run when its trace misses the navigation (NO_NAVSTART), which
  // happens on a busy machine; a second failure in a row is a real one.
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await runOnce(url, formFactor);
    if ('figures' in outcome) return outcome.figures;
    if (attempt === 3 || !outcome.retry) throw new Error(`Lighthouse failed on ${url}: ${outcome.message}`);
    console.warn(`Lighthouse asked for another run on ${url} (${outcome.message}); running it again`);
  }
}

type Outcome = { figures: LighthouseFigures } | { message: string; retry: boolean };

async function runOnce(url: string, formFactor: 'mobile' | 'desktop'): Promise<Outcome> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    userDataDir,
    chromeFlags: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    const lhr = result?.lhr;
    if (!lhr) return { message: 'no result', retry: false };
    if (lhr.runtimeError) return { message: lhr.runtimeError.message, retry: lhr.runtimeError.code === 'NO_NAVSTART' };
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      figures: {
        score: lhr.categories.performance?.score ?? NaN,
        fcpMs: metric('first-contentful-paint'),
        lcpMs: metric('largest-contentful-paint'),
        tbtMs: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        speedIndexMs: metric('speed-index'),
      },
    };
  } finally {
    chrome.kill();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}
