import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { PointInTimeEcho } from '@zielmonitor/shared/schemas/point-in-time';
import { versionsQuery } from '../api/meta.ts';
import { useCreateSnapshot } from '../api/time.ts';
import { localPath, snapshotView } from '../lib/citable-link.ts';
import { useT } from '../lib/i18n.ts';

/** The stamp's actions: copy the citable link, or freeze the view as a snapshot. */
export function StampActions({ link, at, version }: { link: string; at: PointInTimeEcho; version: string | null }) {
  const t = useT();
  const [pathname, navigate] = useLocation();
  const search = useSearch();
  const versions = useQuery(versionsQuery());
  const create = useCreateSnapshot();
  const [copied, setCopied] = useState(false);
  const [frozen, setFrozen] = useState<string | null>(null);
  const linkId = useId();
  const copy = () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined outside a secure context (plain http), though the DOM types say otherwise
    void navigator.clipboard?.writeText(link).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  const freeze = () =>
    create.mutate(
      { view: snapshotView(pathname, search, version ?? versions.data?.[0]?.key ?? '1.0', at.asOf) },
      {
        onSuccess: (snapshot) => {
          setFrozen(snapshot.created ? t.stamp.frozen : t.stamp.frozenBefore);
          navigate(localPath(snapshot.url));
        },
      },
    );
  return (
    <>
      <p className="field-hint">{t.stamp.citeHint}</p>
      <label htmlFor={linkId} className="visually-hidden">
        {t.stamp.cite}
      </label>
      <input id={linkId} className="cite-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      <p>
        <button type="button" onClick={copy}>
          {t.stamp.copy}
        </button>{' '}
        <span role="status">{copied ? t.stamp.copied : ''}</span>
      </p>
      {!at.snapshot && (
        <>
          <p className="field-hint">{t.stamp.freezeHint}</p>
          <p>
            <button type="button" onClick={freeze} disabled={create.isPending}>
              {t.stamp.freeze}
            </button>{' '}
            <span role="status">{frozen ?? ''}</span>
          </p>
          {create.error && (
            <p className="form-error" role="alert">
              {create.error.message}
            </p>
          )}
        </>
      )}
    </>
  );
}
