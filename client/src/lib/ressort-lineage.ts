import type { Ressort } from '@zielmonitor/shared/schemas/ressort';

/**
 * A Ressort's line of responsibility: itself and every Ressort it succeeded, transitively
 * (MHKBD ← MWIDE for Digitalisierung, ← MHKBG), with the note saying what moved.
 */
export function responsibilityLine(
  ressorts: Ressort[],
  code: string,
): { code: string; via: string | null; note: string | null }[] {
  const line: { code: string; via: string | null; note: string | null }[] = [{ code, via: null, note: null }];
  for (let i = 0; i < line.length; i++) {
    const current = line[i]?.code;
    for (const r of ressorts) {
      const succession = r.successors.find((s) => s.code === current);
      if (succession && !line.some((l) => l.code === r.code))
        line.push({ code: r.code, via: current ?? null, note: succession.note });
    }
  }
  return line;
}
