/** A typed fetch client for the Jangkau API. Errors carry the server's field and message. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly body?: unknown,
    /** Seconds to wait before trying again (Retry-After header or `error.retry_after_s`), on a 429. */
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server's stable error code (server/domain/codes), the thing to translate. */
  get code(): string | undefined {
    return (this.body as { error?: { code?: string } } | undefined)?.error?.code;
  }

  /** The params that go with `code`, e.g. {min, max, got}. */
  get params(): Record<string, unknown> {
    return (this.body as { error?: { params?: Record<string, unknown> } } | undefined)?.error?.params ?? {};
  }
}

/** Reads a JSON answer; a non-2xx answer is thrown as an ApiError with the server's field, message and wait. */
export async function readJson<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page is not JSON: keep the status, drop the body.
    if (res.ok) throw new ApiError(res.status, 'The server answered with something that is not JSON');
  }
  if (!res.ok) {
    const err = (body as { error?: { message?: string; field?: string; retry_after_s?: number } } | undefined)?.error;
    const retry = Number(res.headers.get('Retry-After') ?? err?.retry_after_s);
    throw new ApiError(res.status, err?.message ?? res.statusText, err?.field, body, Number.isFinite(retry) && retry > 0 ? retry : undefined);
  }
  return body as T;
}

/** GET a JSON resource. `params` are added to the query string (undefined values are skipped). */
export async function getJson<T>(path: string, params: Record<string, string | number | undefined> = {}, signal?: AbortSignal): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  const res = await fetch(url, { signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return readJson<T>(res);
}

/** Send JSON with POST/PATCH/DELETE; `headers` adds e.g. If-Match or Idempotency-Key. */
export async function sendJson<T>(method: 'POST' | 'PATCH' | 'DELETE' | 'PUT', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  return (await sendJsonWithEtag<T>(method, path, body, headers)).data;
}

/** A JSON answer with the version it describes (the ETag header), for forms that write back with If-Match. */
export interface Versioned<T> {
  data: T;
  etag: string | null;
}

/** GET a JSON resource with its ETag. */
export async function getJsonWithEtag<T>(path: string, signal?: AbortSignal): Promise<Versioned<T>> {
  const res = await fetch(path, { signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const data = await readJson<T>(res);
  return { data, etag: res.headers.get('ETag') };
}

/** Send JSON and read the answer with its ETag (the new version after a write). */
export async function sendJsonWithEtag<T>(method: 'POST' | 'PATCH' | 'DELETE' | 'PUT', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Versioned<T>> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await readJson<T>(res);
  return { data, etag: res.headers.get('ETag') };
}

/** If-Match for a write over the version `etag` (none when unknown: the server then accepts, as for API users). */
export function ifMatch(etag: string | null | undefined): Record<string, string> {
  return etag ? { 'If-Match': etag } : {};
}
