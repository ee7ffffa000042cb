import crypto from 'node:crypto';
import {
  CONFIRMATION_HOURS,
  type ConfirmResponse,
  type SubscribeBody,
  type SubscriptionScope,
  type SubscriptionView,
  type UnsubscribeLookup,
} from '@zielmonitor/shared/schemas/subscription';
import type { Db } from '../db/database.ts';
import { AppError, notFound, unknownValue } from '../lib/errors.ts';
import type { MailOn } from '../mail/mail.ts';
import { renderMail } from '../mail/render.ts';
import type { Repositories } from '../repositories/index.ts';
import type { StoredSubscription } from '../repositories/subscriptions.ts';
import { consume, LIMITS } from './limits.ts';

/**
 * Subscriptions with double opt-in. A link in a mail carries a random token; the database keeps
 * only its SHA-256, so a copy of the database confirms and ends nothing. An address is stored for
 * its subscriptions only: deleted when they end, or when a confirmation link expires unused.
 */

export type SubscriptionContext = { db: Db; repos: Repositories; mail: MailOn; origin: string };

export const newToken = (): string => crypto.randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

/** The unsubscribe page and the RFC 8058 one-click address of a mail. */
export const unsubscribePath = (token: string) => `/abo/abmelden/${token}`;

/** A honeypot filled in: refused, naming the field, and nothing is stored. */
export function refuseFilledHoneypot(website: string | undefined): void {
  if (website !== undefined && website.trim() !== '') {
    throw new AppError(400, 'VALIDATION_ERROR', 'Ungültige Anfrage – website: Dieses Feld bitte leer lassen', [
      { location: 'body', field: 'website', message: 'Dieses Feld bitte leer lassen' },
    ]);
  }
}

/** What a subscription is to, in words and as a page, or null when it names nothing known. */
export function describeScope(
  repos: Repositories,
  scope: SubscriptionScope,
  id: string,
): { label: string; path: string } | null {
  switch (scope) {
    case 'goal': {
      const goal = repos.goals.describe(id);
      return goal ? { label: `Ziel ${id} „${goal.title}“`, path: `/ziele/${encodeURIComponent(id)}` } : null;
    }
    case 'indicator': {
      const indicator = repos.indicators.get(id);
      return indicator
        ? { label: `Kennzahl „${indicator.name}“`, path: `/kennzahlen/${encodeURIComponent(id)}` }
        : null;
    }
    case 'ressort':
      return repos.ressorts.exists(id) ? { label: `Ressort ${id}`, path: `/ressorts/${encodeURIComponent(id)}` } : null;
    case 'version':
      return repos.versions.get(id) ? { label: `Digitalstrategie ${id}`, path: `/aenderungen?version=${id}` } : null;
  }
}

function viewOf(repos: Repositories, s: StoredSubscription): SubscriptionView {
  const scope = describeScope(repos, s.scope, s.scopeId) ?? { label: s.scopeId, path: '/' };
  return { scope: s.scope, scopeId: s.scopeId, frequency: s.frequency, ...scope };
}

const FREQUENCY_WORDS = { immediate: 'bei jeder Änderung', daily: 'einmal täglich als Zusammenfassung' } as const;
const mailboxKey = (email: string) => hashToken(email.trim().toLowerCase());

/**
 * Someone asks to subscribe. The answer never says whether the address is known: a new or
 * unconfirmed subscription gets a confirmation link (valid 48 hours), a confirmed one nothing.
 * The per-address limit is counted by the route before the body is read, so refused requests count too.
 */
export function requestSubscription(ctx: SubscriptionContext, body: SubscribeBody, now = new Date()) {
  const { db, repos } = ctx;
  return db
    .transaction(() => {
      refuseFilledHoneypot(body.website);
      const scope = describeScope(repos, body.scope, body.scopeId);
      if (!scope) throw unknownValue('body', 'scopeId', `„${body.scopeId}“ gibt es nicht`);
      const existing = repos.subscriptions.find(body.email, body.scope, body.scopeId);
      if (existing?.confirmedAt) return { confirmationHours: CONFIRMATION_HOURS };
      consume(db, repos, [{ limit: LIMITS.confirmationsPerMailbox, key: mailboxKey(body.email) }], now);
      const id = existing?.id ?? repos.subscriptions.insert(body, now);
      if (existing) repos.subscriptions.setFrequency(id, body.frequency);
      const token = newToken();
      const hash = hashToken(token);
      repos.subscriptions.addToken(hash, [id], 'confirm', new Date(now.getTime() + CONFIRMATION_HOURS * 3_600_000));
      ctx.mail.enqueue(
        ctx,
        {
          to: [body.email],
          dedupeKey: `sub:${id}:confirm:${hash.slice(0, 16)}`,
          ...renderMail(ctx.origin, {
            subject: 'Zielmonitor: Bitte bestätigen Sie Ihr Abonnement',
            title: 'Abonnement bestätigen',
            paragraphs: [
              `Guten Tag,`,
              `für diese E-Mail-Adresse wurde ein Abonnement im Zielmonitor angefragt: ${scope.label}, ${FREQUENCY_WORDS[body.frequency]}.`,
              `Bitte bestätigen Sie es mit dem Link unten. Er gilt ${CONFIRMATION_HOURS} Stunden. Ohne Bestätigung erhalten Sie keine weitere E-Mail, und Ihre Adresse wird nach Ablauf des Links gelöscht.`,
              'Wenn Sie das Abonnement nicht angefragt haben, können Sie diese E-Mail einfach löschen.',
            ],
            links: [{ label: 'Abonnement bestätigen', path: `/abo/bestaetigen#${token}` }],
            reason:
              'Sie erhalten diese E-Mail, weil jemand Ihre Adresse für ein Abonnement im Zielmonitor angegeben hat.',
          }),
        },
        now,
      );
      return { confirmationHours: CONFIRMATION_HOURS };
    })
    .immediate();
}

const expired = () =>
  notFound(
    `Dieser Bestätigungslink ist ungültig oder abgelaufen (er gilt ${CONFIRMATION_HOURS} Stunden). Bitte abonnieren Sie erneut.`,
  );

/** The confirmation link was followed: the subscription starts, the link is spent. */
export function confirmSubscription(ctx: Pick<SubscriptionContext, 'db' | 'repos'>, token: string, now = new Date()) {
  const { db, repos } = ctx;
  return db
    .transaction((): ConfirmResponse => {
      const hash = hashToken(token);
      const [subscription] = repos.subscriptions.byToken(hash, 'confirm', now);
      if (!subscription) throw expired();
      repos.subscriptions.confirm(subscription.id, now);
      repos.subscriptions.removeToken(hash);
      repos.audit.append(
        {
          actorId: null,
          actor: 'Abonnent (anonym)',
          action: 'subscription.confirm',
          entityType: 'subscription',
          entityId: String(subscription.id),
          ip: null,
          before: null,
          // Never the address: the log says what was subscribed, not by whom.
          after: { scope: subscription.scope, scopeId: subscription.scopeId, frequency: subscription.frequency },
        },
        now,
      );
      return { subscription: viewOf(repos, subscription) };
    })
    .immediate();
}

/** `k…@example.org`: enough to recognise one's own address, too little to learn someone else's. */
const maskEmail = (email: string): string => {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}…${email.slice(at)}`;
};

const gone = () => notFound('Dieses Abonnement besteht nicht mehr. Sie erhalten dafür keine E-Mails mehr.');

/** What an unsubscribe link stands for, for the page that asks before ending it. */
export function lookupUnsubscribe(repos: Repositories, token: string, now = new Date()): UnsubscribeLookup {
  const subscriptions = repos.subscriptions.byToken(hashToken(token), 'unsubscribe', now);
  const [first] = subscriptions;
  if (!first) throw gone();
  const all = repos.subscriptions.ofEmail(first.email).filter((s) => s.confirmedAt !== null);
  return {
    maskedEmail: maskEmail(first.email),
    subscriptions: subscriptions.map((s) => viewOf(repos, s)),
    others: all.length - subscriptions.length,
  };
}

/**
 * Ends the subscriptions an unsubscribe link was sent for (`all`: every subscription of the
 * address). The address goes with them, mails not yet sent for them are not sent, and the
 * addresses in those already sent are erased. An unknown link ends nothing and says so (0).
 */
export function unsubscribe(
  ctx: Pick<SubscriptionContext, 'db' | 'repos'>,
  token: string,
  all: boolean,
  now = new Date(),
): { removed: number } {
  const { db, repos } = ctx;
  return db
    .transaction(() => {
      const linked = repos.subscriptions.byToken(hashToken(token), 'unsubscribe', now);
      const [first] = linked;
      if (!first) return { removed: 0 };
      const ending = all ? repos.subscriptions.ofEmail(first.email) : linked;
      for (const s of ending) {
        repos.mailQueue.forgetPrefixed(`sub:${s.id}:`, 'Abonnement beendet', now);
        repos.audit.append(
          {
            actorId: null,
            actor: 'Abonnent (anonym)',
            action: 'subscription.end',
            entityType: 'subscription',
            entityId: String(s.id),
            ip: null,
            before: { scope: s.scope, scopeId: s.scopeId, frequency: s.frequency },
            after: null,
          },
          now,
        );
      }
      return { removed: repos.subscriptions.remove(ending.map((s) => s.id)) };
    })
    .immediate();
}
