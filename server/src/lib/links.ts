import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * Absolute links (feeds, snapshots, citable links) are built here and only here, from the
 * configured public origin: never from the request's Host or X-Forwarded-Host, which any client
 * can set and a shared cache would then hand to everyone.
 */
export function absoluteUrl(origin: string, pathFromRoot: string): string {
  if (!pathFromRoot.startsWith('/') || pathFromRoot.startsWith('//')) {
    throw new Error(`absoluteUrl needs a path from the root, got ${JSON.stringify(pathFromRoot)}`);
  }
  return `${origin}${pathFromRoot}`;
}

/**
 * The origin of the address the server listens on, for an installation without PUBLIC_ORIGIN.
 * A wildcard address names no host a reader could follow: loopback stands in for it. Before the
 * server listens (tests through inject) there is no address: `http://localhost`.
 */
export function listeningOrigin(address: AddressInfo | string | null): string {
  if (address === null || typeof address === 'string') return 'http://localhost';
  const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  return `http://${net.isIPv6(host) ? `[${host}]` : host}:${address.port}`;
}

export const isHttpsOrigin = (origin: string | undefined): boolean => origin?.startsWith('https://') === true;
