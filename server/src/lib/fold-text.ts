/**
 * Folds text for search: case-insensitive, and umlauts match both their own letter and
 * their transcription ("Bürgeramt", "BÜRGERAMT" and "Buergeramt" all fold alike).
 */
export function foldText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A LIKE pattern that finds `needle` anywhere, with LIKE's wildcards escaped (ESCAPE '\'). */
export function containsPattern(needle: string): string {
  return `%${foldText(needle).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
