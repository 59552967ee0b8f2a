import type { Context } from 'hono';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * The client address used as a rate-limit key. Behind a reverse proxy (trustProxy) it is the last
 * X-Forwarded-For entry, the one our proxy appended; earlier entries are client-supplied and spoofable.
 * Otherwise the socket's peer address. 'unknown' when neither exists (in-process test requests).
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const xff = c.req.header('x-forwarded-for');
    const last = xff?.split(',').map((s) => s.trim()).filter(Boolean).pop();
    if (last) return last.slice(0, 64);
  }
  return (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * Whether the client reached us over HTTPS: the request URL itself, or, behind a trusted reverse proxy that
 * terminates TLS, its `X-Forwarded-Proto` (the last entry, the one our proxy set). Decides the Secure cookie flag.
 */
export function requestIsHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!trustProxy) return false;
  const proto = c.req.header('x-forwarded-proto')?.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean).pop();
  return proto === 'https';
}
