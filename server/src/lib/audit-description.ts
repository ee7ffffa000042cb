import { STATUSES, type Status } from '@zielmonitor/shared/schemas/common';
import type { AuditChange, AuditSubject } from '@zielmonitor/shared/schemas/audit';
import { AUDIT_ACTION_LABELS } from '@zielmonitor/shared/vocabulary/audit-actions';
import { formatDate, formatDateTime } from '@zielmonitor/shared/time/format';
import { roleLabel } from '@zielmonitor/shared/vocabulary/roles';
import {
  FREQUENCY_LABEL_DE,
  REQUEST_STATE_LABEL_DE,
  STATUS_LABEL_DE,
  SUBSCRIPTION_SCOPE_LABEL_DE,
  replyAuthorLabel,
} from '@zielmonitor/shared/vocabulary/labels';
import {
  READING_SUBMISSION_KIND_LABELS,
  SUBMISSION_KIND_LABELS,
} from '@zielmonitor/shared/vocabulary/submission-labels';

/**
 * The audit log in words an administration reads: what happened, to what, and what changed,
 * labelled in German ("Status: in Umsetzung → erreicht"), from the before/after the write stored.
 */

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value !== null && typeof value === 'object' ? (value as Json) : {});
const text = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
const status = (value: unknown): string | null =>
  typeof value === 'string' && (STATUSES as readonly string[]).includes(value)
    ? STATUS_LABEL_DE[value as Status]
    : null;
const day = (value: unknown): string | null =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? formatDate(value.slice(0, 10), 'de') : null;
const list = (value: unknown): string | null => (Array.isArray(value) ? value.map(String).join(', ') || '–' : null);

const goalList = (value: unknown): string | null =>
  Array.isArray(value) ? value.map((g) => text(obj(g).goalId) ?? '').join(', ') || '–' : null;

const change = (label: string, before: string | null, after: string | null): AuditChange[] =>
  before === null && after === null ? [] : [{ label, before, after }];

const KINDS: Record<string, string> = SUBMISSION_KIND_LABELS.de;
const READING_KINDS: Record<string, string> = READING_SUBMISSION_KIND_LABELS.de;
/** A reading's date as stated: `2026-03` → März 2026, `2026-03-31` → 31.03.2026. */
const stated = (value: unknown): string | null =>
  typeof value === 'string' && /^\d{4}(-\d{2}){0,2}$/.test(value) ? formatDate(value, 'de') : null;
/** A measured value as German writes it, exact: 93.5 → "93,5". */
const value = (v: unknown): string | null => (typeof v === 'number' ? String(v).replace('.', ',') : null);
const decided = (action: string) => (action.endsWith('.release') ? 'freigegeben' : 'zurückgegeben');

/** The labelled changes of one audit entry. */
export function auditChanges(action: string, beforeValue: unknown, afterValue: unknown): AuditChange[] {
  const before = obj(beforeValue);
  const after = obj(afterValue);
  const event = obj(after.event);
  switch (action) {
    case 'status.report':
      return [
        ...change('Status', status(obj(before.status).status) ?? 'ohne Meldung', status(event.status)),
        ...change('Gilt ab', null, day(event.effectiveDate)),
        ...change('Fortschritt', null, text(event.progress)),
        ...change('Anmerkung', null, text(event.note)),
      ];
    case 'status.correct':
      return [
        ...change('Status', status(obj(before.event).status), status(event.status)),
        ...change('Gilt ab', day(obj(before.event).effectiveDate), day(event.effectiveDate)),
        ...change('Grund', null, text(after.reason)),
      ];
    case 'status.withdraw':
      return [
        ...change('Zurückgenommene Meldung', status(obj(before.event).status), null),
        ...change('Es gilt wieder', null, status(obj(after.current).status) ?? 'ohne Meldung'),
        ...change('Grund', null, text(after.reason)),
      ];
    case 'submission.submit': {
      const s = obj(after.submission);
      return [
        ...change('Art', null, KINDS[text(s.kind) ?? ''] ?? null),
        ...change('Status', null, status(s.status)),
        ...change('Gilt ab', null, day(s.effectiveDate)),
        ...change('Grund', null, text(s.reason)),
      ];
    }
    case 'submission.release':
    case 'submission.return':
      return [
        ...change('Einreichung', 'wartet auf Freigabe', decided(action)),
        ...change('Status', null, status(event.status)),
        ...change('Grund', null, text(obj(after.submission).reason)),
      ];
    case 'goal.assign':
      return [
        ...change('Zuständig', list(obj(before.responsibility).ressorts), text(after.ressort)),
        ...change('Gilt ab', null, day(after.validFrom)),
        ...change('Grundlage', null, text(after.basis)),
      ];
    case 'round.open':
      return [
        ...change('Name', null, text(after.name)),
        ...change('Version', null, text(after.version)),
        ...change('Meldungen zählen ab', null, day(after.opensOn)),
        ...change('Fällig am', null, day(after.dueOn)),
        ...change('Ressorts', null, list(after.ressorts)),
      ];
    case 'round.close':
      return [
        ...change('Abgeschlossen', null, day(after.closedAt)),
        ...change('Eingefroren als', null, text(after.snapshot)),
      ];
    case 'snapshot.create':
      return [...change('Titel', null, text(after.title)), ...change('Prüfsumme', null, text(after.contentHash))];
    case 'indicator.create':
    case 'indicator.update':
      return [
        ...change('Name', text(before.name), text(after.name)),
        ...change('Messgröße', text(before.measure), text(after.measure)),
        ...change('Ziele', goalList(before.goals), goalList(after.goals)),
      ].filter((c) => c.before !== c.after);
    case 'indicator.reading':
    case 'indicator.reading.import': {
      const reading = obj(after.reading ?? after);
      return [
        ...change('Wert', null, value(reading.value)),
        ...change('Stand', null, day(reading.date)),
        ...change('Anmerkung', null, text(reading.note)),
      ];
    }
    case 'indicator.reading.correct':
    case 'indicator.reading.withdraw':
      return [
        ...change('Wert', value(obj(before.reading).value), value(obj(after.replacement).value)),
        ...change('Stand', day(obj(before.reading).date), day(obj(after.replacement).date)),
        ...change('Grund', null, text(after.reason)),
      ];
    case 'indicator.reading.submit': {
      const s = obj(after.submission);
      const reading = obj(s.reading);
      return [
        ...change('Art', null, READING_KINDS[text(s.kind) ?? ''] ?? null),
        ...change('Wert', value(obj(before.reading).value), value(reading.value)),
        ...change('Stand', day(obj(before.reading).date), stated(reading.date)),
        ...change('Grund', null, text(s.reason)),
      ];
    }
    case 'indicator.reading.release':
    case 'indicator.reading.return':
      return [
        ...change('Einreichung', 'wartet auf Freigabe', decided(action)),
        ...change('Art', null, READING_KINDS[text(obj(after.submission).kind) ?? ''] ?? null),
        ...change('Wert', null, value(obj(after.reading).value)),
        ...change('Stand', null, day(obj(after.reading).date)),
        ...change('Grund', null, text(obj(after.submission).reason)),
      ];
    case 'import.indicator-readings':
      return [
        ...change('Neue Messwerte', null, text(after.created)),
        ...change('Unverändert', null, text(after.unchanged)),
      ];
    case 'reply.create':
    case 'reply.correct':
    case 'reply.withdraw': {
      const reply = obj(after.reply);
      const earlier = obj(before.reply);
      return [
        ...change('Für', null, replyAuthor(reply.author ?? earlier.author)),
        ...change('Antwort auf', null, replyTarget(reply.target ?? earlier.target)),
        ...change('Stellungnahme', text(earlier.text), text(reply.text)),
        ...change('Grund', null, text(after.reason)),
      ];
    }
    case 'request.create':
      return [
        ...change('Betrifft', null, text(after.subject)),
        ...change('Hinweis', null, text(after.description)),
        ...change('Antwort per E-Mail erbeten', null, after.answerByMail === true ? 'ja' : 'nein'),
      ];
    case 'request.answer':
      return [
        ...change(
          'Hinweis',
          `Nr. ${text(before.request) ?? '–'}, offen`,
          REQUEST_STATE_LABEL_DE[text(after.state) ?? ''] ?? null,
        ),
        ...change('Antwort', null, text(after.answer)),
        ...change('Berichtigung', null, text(obj(after.link).path)),
      ];
    case 'subscription.confirm':
    case 'subscription.end': {
      const s = action === 'subscription.confirm' ? after : before;
      return [
        ...change(
          'Abonniert',
          null,
          `${SUBSCRIPTION_SCOPE_LABEL_DE[text(s.scope) ?? ''] ?? 'Angebot'} ${text(s.scopeId) ?? ''}`.trim(),
        ),
        ...change('Häufigkeit', null, FREQUENCY_LABEL_DE[text(s.frequency) ?? ''] ?? null),
      ];
    }
    case 'database.restore':
      return [
        ...change('Sicherung', null, text(after.source)),
        ...change('Wieder gesperrt', null, list(after.disabledAgain)),
        ...change('Neues Passwort behalten', null, list(after.passwordKept)),
        ...change('Konten nicht mehr vorhanden', null, list(after.accountsGone)),
        ...change('Übernommene Protokolleinträge', null, text(after.auditEntriesCarried)),
        ...change('Sitzungen', null, after.sessionsEnded === true ? 'alle beendet' : null),
      ];
    case 'user.add':
      return [
        ...change('E-Mail-Adresse', null, text(after.email)),
        ...change('Name', null, text(after.name)),
        ...change('Rolle', null, role(after.role)),
        ...change('Ressorts', null, list(after.ressorts)),
        ...change('Organisation', null, text(after.organisation)),
      ];
    case 'user.invite':
    case 'user.reset-link':
    case 'user.reset-request':
      return [
        ...change('E-Mail-Adresse', null, text(after.email)),
        ...change('Link gilt bis', null, dateTime(after.expiresAt)),
        ...change(
          'Übermittelt',
          null,
          after.delivery === 'mail' ? 'per E-Mail' : after.delivery === 'by-hand' ? 'von Hand weitergegeben' : null,
        ),
      ];
    case 'user.update':
      return [
        ...change('Name', text(before.name), text(after.name)),
        ...change('Rolle', role(before.role), role(after.role)),
        ...change('Ressorts', list(before.ressorts), list(after.ressorts)),
        ...change('Organisation', text(before.organisation), text(after.organisation)),
      ].filter((c) => c.before !== c.after);
    case 'user.disable':
      return [...change('Konto', 'aktiv', 'gesperrt'), ...sessionsEnded(after)];
    case 'user.enable':
      return change('Konto', 'gesperrt', 'aktiv');
    case 'user.end-sessions':
    case 'account.end-session':
      return sessionsEnded(after);
    case 'user.reset-second-factor':
      return [...change('Zweite Faktoren', text(before.factors), 'keine (neu einrichten)'), ...sessionsEnded(after)];
    case 'user.accept-invitation':
    case 'user.reset-password':
    case 'account.password':
      return [...change('Passwort', null, 'neu gesetzt'), ...sessionsEnded(after)];
    case 'account.factor-add':
      return change('Zweiter Faktor', null, factor(after));
    case 'account.factor-remove':
      return change('Zweiter Faktor', factor(before), 'entfernt');
    case 'account.recovery-codes':
      return change('Wiederherstellungscodes', 'ungültig', `${text(after.recoveryCodes) ?? '10'} neue`);
    case 'login.second-factor-failed':
      return [
        ...change('E-Mail-Adresse', null, text(after.email)),
        ...change('Verfahren', null, METHOD_LABELS[text(after.method) ?? ''] ?? null),
        ...change('Grund', null, text(after.reason)),
      ];
    case 'login.recovery-code':
      return change('Verbleibende Wiederherstellungscodes', null, text(after.recoveryCodesLeft));
    case 'login.failed':
    case 'login.refused':
      return [...change('E-Mail-Adresse', null, text(after.email)), ...change('Grund', null, text(after.reason))];
    default:
      return Object.entries(after)
        .filter(([, v]) => text(v) !== null)
        .slice(0, 6)
        .map(([key, v]) => ({ label: FIELD_LABELS[key] ?? 'Angabe', before: text(before[key]), after: text(v) }));
  }
}

const replyAuthor = (value: unknown): string | null => {
  const author = obj(value);
  const name = text(author.name);
  return name === null
    ? null
    : replyAuthorLabel({ kind: author.kind === 'ressort' ? 'ressort' : 'organisation', name });
};
const replyTarget = (value: unknown): string | null => {
  const target = obj(value);
  const id = text(target.id);
  return id === null ? null : target.kind === 'reading' ? `Messwert Nr. ${id}` : `Meldung Nr. ${id}`;
};
const role = (value: unknown): string | null => (typeof value === 'string' ? roleLabel(value) : null);
const dateTime = (value: unknown): string | null => (typeof value === 'string' ? formatDateTime(value, 'de') : null);
const METHOD_LABELS: Record<string, string> = {
  totp: 'Authenticator-App',
  passkey: 'Passkey',
  recovery: 'Wiederherstellungscode',
};
const factor = (value: unknown): string | null => {
  const { kind, label } = obj(value);
  const name = METHOD_LABELS[text(kind) ?? ''];
  return name ? `${name} „${text(label) ?? ''}“` : null;
};
const sessionsEnded = (after: Json): AuditChange[] =>
  typeof after.sessionsEnded === 'number' ? change('Beendete Sitzungen', null, String(after.sessionsEnded)) : [];

const FIELD_LABELS: Record<string, string> = {
  created: 'neu',
  changed: 'geändert',
  unchanged: 'unverändert',
  title: 'Titel',
  version: 'Version',
};

/** What an entry is about, for a link: a goal, an indicator, a round, a snapshot or an account. */
export function auditSubject(entityType: string, entityId: string): AuditSubject {
  if (
    entityType === 'goal' ||
    entityType === 'indicator' ||
    entityType === 'round' ||
    entityType === 'snapshot' ||
    entityType === 'user'
  ) {
    return { type: entityType, id: entityId };
  }
  return { type: 'other', id: entityId };
}

export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? 'Sonstige Änderung';
