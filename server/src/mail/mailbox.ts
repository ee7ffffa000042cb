import { z } from 'zod';

export type Mailbox = { name: string | null; address: string };

const Address = z.email();
// `Name <address>`, `"Name, with comma" <address>` or a bare address; no line breaks (header injection).
const NAMED = /^\s*(?:"([^"\r\n]*)"|([^"<>\r\n]*?))\s*<([^<>\s]+)>\s*$/;

/** Parses a sender or recipient as written in MAIL_FROM; null when it is not one mailbox. */
export function parseMailbox(value: string): Mailbox | null {
  const named = NAMED.exec(value);
  const name = named ? (named[1] ?? named[2] ?? '').trim() : '';
  const address = named ? (named[3] ?? '') : value.trim();
  if (!Address.safeParse(address).success) return null;
  return { name: name === '' ? null : name, address };
}

/** The domain part of an address, for Message-IDs under the sender's own domain. */
export const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1);
