import { UNKNOWN_RESSORT } from '@zielmonitor/shared/vocabulary/ressort-order';
import { unknownValue } from '../lib/errors.ts';
import type { StrategyVersion } from '@zielmonitor/shared/schemas/version';
import type { Repositories } from '../repositories/index.ts';

/**
 * Versions and Ressorts are data, not enums: a well-formed value that names none of them
 * is refused with a 400 naming the field, rather than silently matching nothing.
 */
export function assertKnownFilters(
  repos: Repositories,
  query: { version?: string | undefined; ressort?: string | undefined },
): void {
  if (query.version !== undefined && !repos.versions.get(query.version)) {
    const known = repos.versions
      .list()
      .map((v) => v.key)
      .join(', ');
    throw unknownValue('query', 'version', `unbekannte Version „${query.version}“ (bekannt: ${known})`);
  }
  if (query.ressort !== undefined && query.ressort !== UNKNOWN_RESSORT && !repos.ressorts.exists(query.ressort)) {
    throw unknownValue('query', 'ressort', `unbekanntes Ressort „${query.ressort}“`);
  }
}

/** The version named by a required `version` parameter, or a 400 naming it. */
export function knownVersion(repos: Repositories, key: string): StrategyVersion {
  assertKnownFilters(repos, { version: key });
  const version = repos.versions.get(key);
  if (!version) throw unknownValue('query', 'version', `unbekannte Version „${key}“`);
  return version;
}
