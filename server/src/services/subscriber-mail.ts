import { berlinTimeOf, todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { renderMail } from '../mail/render.ts';
import type { Repositories } from '../repositories/index.ts';
import type { StoredSubscription } from '../repositories/subscriptions.ts';
import type { Notice } from './notices.ts';
import { describeScope, hashToken, newToken, unsubscribePath, type SubscriptionContext } from './subscriptions.ts';

/**
 * Mail to subscribers: one mail per address and change (however many of its subscriptions the
 * change concerns), or a line in tomorrow's digest for daily subscriptions. Every mail carries an
 * unsubscribe link of its own, for exactly the subscriptions it was sent for.
 */

/** The daily digest goes out with the first run after this Berlin time. */
const DIGEST_TIME = '07:00';

const groupByAddress = (subscriptions: StoredSubscription[]) => {
  const groups = new Map<string, StoredSubscription[]>();
  for (const s of subscriptions) {
    const key = s.email.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()];
};

function reasonFor(repos: Repositories, subscriptions: StoredSubscription[]): string {
  const labels = subscriptions.map((s) => describeScope(repos, s.scope, s.scopeId)?.label ?? s.scopeId);
  const listed = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} und ${labels.at(-1)}`;
  return `Sie erhalten diese E-Mail, weil Sie im Zielmonitor ${listed} abonniert haben. Mit „Abmelden“ beenden Sie ${
    subscriptions.length === 1 ? 'dieses Abonnement' : 'diese Abonnements'
  } sofort; Ihre Adresse wird dann gelöscht.`;
}

/** Queues a mail to one address with an unsubscribe token for `subscriptions`; true when it is new. */
function send(
  ctx: SubscriptionContext,
  subscriptions: StoredSubscription[],
  dedupeKey: string,
  content: { subject: string; title: string; paragraphs: string[]; links: { label: string; path: string }[] },
  now: Date,
): boolean {
  const [first] = subscriptions;
  if (!first) return false;
  const token = newToken();
  const result = ctx.mail.enqueue(
    ctx,
    {
      to: [first.email],
      dedupeKey,
      ...renderMail(ctx.origin, {
        ...content,
        reason: reasonFor(ctx.repos, subscriptions),
        unsubscribePath: unsubscribePath(token),
      }),
    },
    now,
  );
  if (result.created) {
    ctx.repos.subscriptions.addToken(
      hashToken(token),
      subscriptions.map((s) => s.id),
      'unsubscribe',
      null,
    );
  }
  return result.created;
}

/**
 * Tells every subscriber a change concerns, inside the transaction of the change: at once where
 * one of the address's subscriptions wants it so, otherwise as a line of the next digest.
 */
export function notifySubscribers(ctx: SubscriptionContext, notice: Notice, now = new Date()): number {
  const audience = ctx.repos.subscriptions.matching({
    goal: notice.goalIds,
    indicator: notice.indicatorIds,
    ressort: notice.ressorts,
    version: notice.versions,
  });
  let sent = 0;
  for (const group of groupByAddress(audience)) {
    const first = group[0];
    if (!first) continue;
    if (group.some((s) => s.frequency === 'immediate')) {
      const created = send(
        ctx,
        group,
        `sub:${first.id}:${notice.key}`,
        {
          subject: notice.subject,
          title: notice.title,
          paragraphs: notice.paragraphs,
          links: [{ label: 'Im Zielmonitor ansehen', path: notice.path }],
        },
        now,
      );
      if (created) sent++;
      continue;
    }
    for (const s of group) {
      ctx.repos.subscriptions.addDigestItem(s.id, {
        itemKey: notice.key,
        occurredAt: notice.occurredAt,
        line: notice.line,
        path: notice.path,
      });
    }
  }
  return sent;
}

const changes = (n: number) => (n === 1 ? '1 Änderung' : `${n} Änderungen`);

/**
 * The daily digests: from 07:00 Berlin time, one mail per address with every line gathered since
 * the last one (each change once). Lines that arrive after today's digest wait for tomorrow's.
 */
export function queueDigests(ctx: SubscriptionContext, now = new Date()): number {
  if (berlinTimeOf(now) < DIGEST_TIME) return 0;
  const today = todayInBerlin(now);
  return ctx.db
    .transaction(() => {
      const items = ctx.repos.subscriptions.digestItems();
      const byAddress = new Map<string, typeof items>();
      for (const item of items) {
        const key = item.email.toLowerCase();
        byAddress.set(key, [...(byAddress.get(key) ?? []), item]);
      }
      let sent = 0;
      for (const addressItems of byAddress.values()) {
        const ids = [...new Set(addressItems.map((i) => i.subscriptionId))];
        const subscriptions = ids.flatMap((id) => {
          const s = ctx.repos.subscriptions.ofEmail(addressItems[0]?.email ?? '').find((x) => x.id === id);
          return s ? [s] : [];
        });
        const unique = [...new Map(addressItems.map((i) => [i.itemKey, i])).values()];
        const created = send(
          ctx,
          subscriptions,
          `sub:${Math.min(...ids)}:digest:${today}`,
          {
            subject: `Zielmonitor: ${changes(unique.length)} seit der letzten Zusammenfassung`,
            title: `Tägliche Zusammenfassung: ${changes(unique.length)}`,
            paragraphs: [unique.map((i) => `• ${i.line}`).join('\n')],
            links: unique.slice(0, 20).map((i) => ({ label: i.line, path: i.path })),
          },
          now,
        );
        if (!created) continue; // today's digest went out already: these lines wait for tomorrow
        ctx.repos.subscriptions.removeDigestItems(addressItems.map((i) => i.id));
        sent++;
      }
      return sent;
    })
    .immediate();
}
