import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * What a PDF says, page by page, as poppler's pdftotext reads it (layout kept), and its page count
 * from pdfinfo: the printout as a reader of paper gets it, not the DOM it came from.
 */
export function readPdf(pdf: Buffer): { pages: string[]; count: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-pdf-'));
  try {
    const file = path.join(dir, 'print.pdf');
    fs.writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    // pdftotext ends every page with a form feed.
    const pages = text.split('\f').slice(0, count);
    return { pages, count };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a page with runs of white space made one space: lines a layout broke still match. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');
