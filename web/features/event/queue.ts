/**
 * An outbox for event writes on a weak signal. A POST that fails for lack of network is kept in localStorage and
 * sent again when the signal returns (the `online` event, a timer, or the next page load). The server makes every
 * event write idempotent per participant (a check-in repeat is 200, a quiz or feedback repeat replaces, an
 * interest repeat with the same participant replaces), so a resend never counts twice.
 */
import { ApiError, readJson } from '../../api/client';

const KEY = 'jangkau.event.outbox';

export interface OutboxItem {
  /** Unique per queued write, for React keys and removal. */
  id: string;
  path: string;
  body: unknown;
  /** What it was, for the caller's callback (e.g. 'quiz-post'). */
  kind: string;
  visitId: string;
}

function read(): OutboxItem[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as OutboxItem[];
  } catch {
    return [];
  }
}

function write(items: OutboxItem[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(items));
  } catch {
    // ignore: nothing more we can do without storage
  }
}

/** The writes still waiting for a signal. */
export function pending(visitId?: string): OutboxItem[] {
  return read().filter((i) => visitId === undefined || i.visitId === visitId);
}

/** True when `e` means "no network" rather than an answer from the server. */
export function isNetworkError(e: unknown): boolean {
  return !(e instanceof ApiError) || e.status === 0 || e.status === 502 || e.status === 503 || e.status === 504;
}

/** A request on a weak signal may hang rather than fail; give up after this many ms (it stays queued). */
const REQUEST_TIMEOUT_MS = 20_000;

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), REQUEST_TIMEOUT_MS);
  try {
    const res = await fetch(path, {
      method: 'POST', credentials: 'same-origin', signal: ctl.signal,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return await readJson<T>(res);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * POSTs now; on a network failure queues the write and resolves `{ queued: true }`. A server answer that is an
 * error (400, 409 …) is thrown: it would fail the same way later.
 */
export async function sendOrQueue<T>(item: Omit<OutboxItem, 'id'>): Promise<{ queued: false; data: T } | { queued: true }> {
  try {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new TypeError('offline');
    return { queued: false, data: await postJson<T>(item.path, item.body) };
  } catch (e) {
    if (!isNetworkError(e)) throw e;
    write([...read(), { ...item, id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}` }]);
    return { queued: true };
  }
}

let flushing: Promise<number> | null = null;

/**
 * Sends the queued writes in order. Each one the server answers (success, or an error that would never change)
 * leaves the queue; a network failure stops the run and keeps the rest. `onSent` gets each success.
 * Returns how many are still waiting.
 */
export function flush(onSent: (item: OutboxItem, data: unknown) => void): Promise<number> {
  // `.finally` runs after the assignment even when the queue is empty (an async body without an await would
  // otherwise clear `flushing` before it is set, and every later flush would return that old promise).
  if (!flushing) flushing = sendAll(onSent).finally(() => { flushing = null; });
  return flushing;
}

async function sendAll(onSent: (item: OutboxItem, data: unknown) => void): Promise<number> {
  for (const item of read()) {
    try {
      const data = await postJson<unknown>(item.path, item.body);
      onSent(item, data);
    } catch (e) {
      if (isNetworkError(e) || (e instanceof ApiError && e.status === 429)) break;
      // A 4xx (e.g. the event closed meanwhile) will not succeed later either: drop it.
    }
    write(read().filter((i) => i.id !== item.id));
  }
  return read().length;
}
