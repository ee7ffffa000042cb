import { describe, expect, it } from 'vitest';
import type { PointInTimeEcho } from '@zielmonitor/shared/schemas/point-in-time';
import { citableLink, snapshotView, withTodaysKnowledge } from './citable-link.ts';

const now: PointInTimeEcho = {
  asOf: null,
  knownAt: null,
  snapshot: null,
  recordedUntil: '2026-11-30T14:03:12.345Z',
  changedSince: null,
};

describe('citableLink', () => {
  it('pins the date shown (today when none) and the moment of the answer, and names the version', () => {
    expect(
      citableLink('https://z.example', '/', 'track=independent', now, '1.0', new Date('2026-11-30T23:30:00Z')),
    ).toBe('https://z.example/?track=independent&version=1.0&asOf=2026-12-01&knownAt=2026-11-30T14%3A03%3A12.345Z');
    expect(
      citableLink('https://z.example', '/ziele', 'version=2.0&asOf=2022-06-30', { ...now, asOf: '2022-06-30' }, '2.0'),
    ).toBe('https://z.example/ziele?version=2.0&asOf=2022-06-30&knownAt=2026-11-30T14%3A03%3A12.345Z');
  });

  it('keeps a pinned knowledge as it is, and a snapshot link as it is', () => {
    const pinned = {
      ...now,
      asOf: '2022-06-30',
      knownAt: '2024-01-01T10:00:00.000Z',
      recordedUntil: '2024-01-01T10:00:00.000Z',
    };
    expect(
      citableLink('https://z.example', '/', 'asOf=2022-06-30&knownAt=2024-01-01T10:00:00.000Z', pinned, '2.0'),
    ).toBe('https://z.example/?asOf=2022-06-30&knownAt=2024-01-01T10%3A00%3A00.000Z&version=2.0');
    expect(citableLink('https://z.example', '/', 'version=2.0&snapshot=abc-123', pinned, '2.0')).toBe(
      'https://z.example/?version=2.0&snapshot=abc-123',
    );
  });
});

describe('withTodaysKnowledge', () => {
  it('drops the pinned knowledge and keeps the date', () => {
    expect(withTodaysKnowledge('/', 'version=2.0&asOf=2022-06-30&knownAt=2024-01-01', now)).toBe(
      '/?version=2.0&asOf=2022-06-30',
    );
    expect(withTodaysKnowledge('/ziele', 'version=2.0&snapshot=abc', { ...now, asOf: '2022-06-30' })).toBe(
      '/ziele?version=2.0&asOf=2022-06-30',
    );
  });
});

describe('snapshotView', () => {
  it('keeps the view parameters a snapshot knows, the version and the date', () => {
    expect(snapshotView('/ziele', 'status=achieved&foo=bar&knownAt=x&rule=short_term', '2.0', '2022-06-30')).toEqual({
      path: '/ziele',
      params: { status: 'achieved', rule: 'short_term', version: '2.0', asOf: '2022-06-30' },
    });
  });
});
