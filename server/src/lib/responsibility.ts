import type { Responsibility } from '@zielmonitor/shared/schemas/goal';

/** A Ressort as the responsibility rules need it: when its cut was valid, and who took over. */
export type RessortCut = { code: string; validFrom: string | null; validTo: string | null; successors: string[] };

/** An administration's decision which successor is responsible for a goal, from a day on. */
export type Assignment = { ressort: string; validFrom: string; basis: string };

/** A Ressort exists on `day` from its first day up to (not including) the day its successors took over. */
export const isActive = (cut: RessortCut, day: string): boolean =>
  (cut.validFrom === null || cut.validFrom <= day) && (cut.validTo === null || day < cut.validTo);

/**
 * The Ressorts that carry on `code` on `day`: itself while it exists, else its successors that exist
 * then (following successions of successions). Unknown codes carry on as themselves.
 */
export function carriedOnBy(code: string, cuts: ReadonlyMap<string, RessortCut>, day: string): string[] {
  const seen = new Set<string>();
  const walk = (current: string): string[] => {
    if (seen.has(current)) return [];
    seen.add(current);
    const cut = cuts.get(current);
    if (!cut || isActive(cut, day) || cut.successors.length === 0) return [current];
    return cut.successors.flatMap(walk);
  };
  return [...new Set(walk(code))].sort();
}

/**
 * Who is responsible for a goal on `day`: an administration's assignment valid then, else the
 * strategy's Ressort or whoever carries it on. Several successors without an assignment leave the
 * question open ("Zuständigkeit ungeklärt"): every one of them may report until it is settled.
 */
export function responsibilityOf(
  goal: { leadRessort: string | null; coRessorts: string[] },
  assignment: Assignment | null,
  cuts: ReadonlyMap<string, RessortCut>,
  day: string,
): Responsibility {
  const involved = [...new Set(goal.coRessorts.flatMap((code) => carriedOnBy(code, cuts, day)))].sort();
  if (assignment && assignment.validFrom <= day) {
    return { ressorts: [assignment.ressort], unsettled: false, involved, assignment };
  }
  const ressorts = goal.leadRessort === null ? [] : carriedOnBy(goal.leadRessort, cuts, day);
  return { ressorts, unsettled: ressorts.length > 1, involved, assignment: null };
}

/** The Ressorts a user can act for on `day`: those of their Ressorts that still exist. */
export const activeRessorts = (userRessorts: string[], cuts: ReadonlyMap<string, RessortCut>, day: string) =>
  userRessorts.filter((code) => {
    const cut = cuts.get(code);
    return cut === undefined || isActive(cut, day);
  });
