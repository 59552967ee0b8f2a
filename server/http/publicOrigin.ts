import { HttpError } from '../errors.js';

/** A plain host name or IPv4 address with an optional port: nothing a browser would not send for this server. */
const PLAIN_HOST = /^(?=.{1,253}(?::|$))[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/i;

/**
 * The address printed QR codes point to, without a trailing slash. JANGKAU_PUBLIC_URL when configured (path kept,
 * query and fragment dropped); otherwise the request's scheme and Host, but only a plain host[:port], so a forged
 * Host header cannot smuggle a path, credentials or a second URL into a printed code. Throws 400 naming Host.
 */
export function publicOrigin(configured: string | null, requestUrl: string, host: string | undefined): string {
  if (configured) {
    const u = new URL(configured);
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  }
  if (!host || !PLAIN_HOST.test(host)) {
    throw new HttpError(400, 'The Host header must be a plain host[:port] to print a QR code for it; the operator can set JANGKAU_PUBLIC_URL', { field: 'Host', code: 'bad_request' });
  }
  const scheme = new URL(requestUrl).protocol === 'https:' ? 'https' : 'http';
  return `${scheme}://${host.toLowerCase()}`;
}
