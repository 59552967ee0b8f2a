/**
 * What logging out must forget on this phone: every answer only a signed-in user could see. The server marks
 * such answers `Cache-Control: private, no-store` and the service worker refuses to keep them (web/build/pwa.ts),
 * but entries cached before that rule, and the in-memory query cache, are cleared here too.
 */
import type { QueryClient } from '@tanstack/react-query';

/** Query keys (first element) whose answers can hold planner or staff data: team, notes, drafts, outcomes, audit. */
const SIGNED_IN_QUERIES = new Set(['visits', 'planner', 'outcome', 'impact', 'staff']);

/** True for a cached API answer that may hold signed-in data and must go at logout. */
function mustForget(url: URL, res: Response | undefined): boolean {
  if (!url.pathname.startsWith('/api/')) return false;
  // Visit lists were cached by URL whatever the session (team, notes, drafts); the finder fetches them again.
  if (url.pathname.startsWith('/api/visits')) return true;
  return /private|no-store/i.test(res?.headers.get('Cache-Control') ?? '');
}

/** Deletes signed-in answers from Cache Storage (every cache of this origin). */
export async function forgetCachedSignedInAnswers(): Promise<number> {
  if (typeof caches === 'undefined') return 0;
  let removed = 0;
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const req of await cache.keys()) {
      if (mustForget(new URL(req.url), await cache.match(req))) removed += Number(await cache.delete(req));
    }
  }
  return removed;
}

/** Everything logout clears: the signed-in queries in memory and the cached answers. Never throws. */
export async function clearSignedInData(qc: QueryClient): Promise<void> {
  // 'me' is set, not removed: the login gate observes it and must see "nobody" at once.
  qc.setQueryData(['me'], null);
  qc.removeQueries({ predicate: (q) => SIGNED_IN_QUERIES.has(String(q.queryKey[0])) });
  try {
    await forgetCachedSignedInAnswers();
  } catch {
    // Cache Storage can be unavailable (private mode, quota): nothing of ours is in it then.
  }
}
