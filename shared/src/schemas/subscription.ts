import { z } from 'zod';
import { singleLineText } from './text.ts';

/**
 * E-mail subscriptions to a goal, a Ressort, an indicator or a whole strategy version: double opt-in,
 * one-click unsubscribe, immediately or as a daily digest. Addresses are never part of an answer.
 */
export const SUBSCRIPTION_SCOPES = ['goal', 'ressort', 'indicator', 'version'] as const;
export const SubscriptionScope = z.enum(SUBSCRIPTION_SCOPES);
export type SubscriptionScope = z.infer<typeof SubscriptionScope>;
export const Frequency = z.enum(['immediate', 'daily']);
export type Frequency = z.infer<typeof Frequency>;

/** How long a confirmation link is valid; an unconfirmed subscription (and its address) is deleted after it. */
export const CONFIRMATION_HOURS = 48;

/** An e-mail address as a form delivers it: one line, at most 254 characters. */
export const EmailAddress = singleLineText()
  .trim()
  .max(254, { error: 'Höchstens 254 Zeichen' })
  .pipe(z.email({ error: 'Bitte eine gültige E-Mail-Adresse angeben' }));

/** The field people leave empty and form-filling robots do not (a honeypot); hidden on the page. */
export const Honeypot = z.string().max(200).optional();

export const SubscribeBody = z.strictObject({
  email: EmailAddress,
  scope: SubscriptionScope,
  scopeId: singleLineText().trim().min(1, { error: 'Bitte angeben, was abonniert wird' }).max(64),
  frequency: Frequency.default('immediate'),
  website: Honeypot,
});
export type SubscribeBody = z.infer<typeof SubscribeBody>;
export type SubscribeInput = z.input<typeof SubscribeBody>;

/** Accepted: a confirmation link is on its way (the answer is the same whether or not the address is known). */
export const SubscribeResponse = z.object({ confirmationHours: z.number().int() });
export type SubscribeResponse = z.infer<typeof SubscribeResponse>;

/** A token from a link in a mail: 32 random bytes, base64url. */
export const Token = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Der Link ist unvollständig oder ungültig' });
export const TokenBody = z.strictObject({ token: Token });
export const TokenParams = z.strictObject({ token: Token });

export const SubscriptionView = z.object({
  scope: SubscriptionScope,
  scopeId: z.string(),
  /** What is subscribed, in words: „Ziel v2-13 …“, „Ressort MHKBD“. */
  label: z.string(),
  /** The page of what is subscribed. */
  path: z.string(),
  frequency: Frequency,
});
export type SubscriptionView = z.infer<typeof SubscriptionView>;

export const ConfirmResponse = z.object({ subscription: SubscriptionView });
export type ConfirmResponse = z.infer<typeof ConfirmResponse>;

/** What an unsubscribe link stands for: the address, shortened, and the subscriptions the mail was sent for. */
export const UnsubscribeLookup = z.object({
  maskedEmail: z.string(),
  subscriptions: z.array(SubscriptionView),
  /** Further subscriptions of the same address. */
  others: z.number().int().nonnegative(),
});
export type UnsubscribeLookup = z.infer<typeof UnsubscribeLookup>;

/** `all`: end every subscription of the address, not only those the mail was sent for. */
export const UnsubscribeBody = z.strictObject({ all: z.boolean().default(false) });
export type UnsubscribeInput = z.input<typeof UnsubscribeBody>;
export const UnsubscribeResponse = z.object({ removed: z.number().int().nonnegative() });
export type UnsubscribeResponse = z.infer<typeof UnsubscribeResponse>;
