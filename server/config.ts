import { z } from 'zod';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

/** The project root (where package.json lives). */
export const ROOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Everything the server can be configured with. Read once, at start, by main.ts. */
export interface AppConfig {
  port: number;
  host: string;
  /** SQLite database file, or ':memory:'. */
  dbFile: string;
  /** Folder of seed data files. */
  dataDir: string;
  /** Folder of the built web app (vite build output). */
  webDir: string;
  /** Raster tile URL template for Leaflet, e.g. https://tile.example/{z}/{x}/{y}.png; null = boundaries only. */
  tileUrl: string | null;
  /** Attribution shown for the tiles. */
  tileAttribution: string | null;
  /** First admin, created only when the database has no users. */
  adminEmail: string | null;
  adminPassword: string | null;
  /** Dates on which no visits should be planned (e.g. Nyepi), as YYYY-MM-DD with a name. */
  closedDates: { date: string; name: string }[];
  /** Service region for new points, [minLng, minLat, maxLng, maxLat]; Indonesia by default. */
  serviceRegion: [number, number, number, number];
  /** Send the session cookie with Secure (behind HTTPS). */
  secureCookies: boolean;
  /** Behind a reverse proxy: take the client IP (for rate limits) from the last X-Forwarded-For entry. */
  trustProxy: boolean;
  logLevel: string;
  /**
   * What this deployment serves: province (51) or kabupaten/kota (51.06) codes. Imported on start from
   * data/wilayah_boundaries/ (or earlier with `npm run regions -- import`). Default Bangli, as before.
   */
  regions: string[];
  /**
   * The public address of the web app (e.g. https://jangkau.example.id), used in printed QR codes. null = take it
   * from the request's Host when that is a plain host[:port].
   */
  publicUrl: string | null;
}

/** Indonesia's extent, generously: Sabang to Merauke, Miangas to Rote. */
export const INDONESIA_BBOX: [number, number, number, number] = [94.7, -11.2, 141.1, 6.3];

const closedDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(:.+)?$/, 'use YYYY-MM-DD or YYYY-MM-DD:Name, comma separated');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('0.0.0.0'),
  JANGKAU_DB: z.string().min(1).default(join(ROOT_DIR, 'data', 'jangkau.db')),
  JANGKAU_DATA_DIR: z.string().min(1).default(join(ROOT_DIR, 'data')),
  JANGKAU_WEB_DIR: z.string().min(1).default(join(ROOT_DIR, 'web', 'dist')),
  TILE_URL: z.string().url().optional(),
  TILE_ATTRIBUTION: z.string().optional(),
  JANGKAU_ADMIN_EMAIL: z.string().email().optional(),
  JANGKAU_ADMIN_PASSWORD: z.string().min(10, 'JANGKAU_ADMIN_PASSWORD must be at least 10 characters').optional(),
  // Nyepi 2024-03-11, 2025-03-29, 2026-03-19 per the national holiday decrees (SKB libur nasional); add later years as decreed.
  JANGKAU_CLOSED_DATES: z
    .string()
    .default('2024-03-11:Nyepi,2025-03-29:Nyepi,2026-03-19:Nyepi')
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(closedDate)),
  JANGKAU_REGION_BBOX: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map(Number) : INDONESIA_BBOX))
    .pipe(z.array(z.number().finite()).length(4, 'JANGKAU_REGION_BBOX must be minLng,minLat,maxLng,maxLat')),
  JANGKAU_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  JANGKAU_TRUST_PROXY: z.enum(['true', 'false']).optional(),
  JANGKAU_REGIONS: z
    .string()
    .default('51.06')
    .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .pipe(
      z
        .array(z.string().regex(/^\d{2}(\.\d{2})?$/, 'JANGKAU_REGIONS lists province (51) or kabupaten/kota (51.06) codes, comma separated'))
        .min(1, 'JANGKAU_REGIONS needs at least one code, like 51.06'),
    ),
  JANGKAU_PUBLIC_URL: z
    .string()
    .url('JANGKAU_PUBLIC_URL must be an http(s) URL such as https://jangkau.example.id')
    .refine((s) => /^https?:\/\//i.test(s), 'JANGKAU_PUBLIC_URL must start with http:// or https://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/**
 * Reads and validates the environment. Throws one error listing every bad variable and what to set,
 * so a misconfigured deployment fails at start rather than at the first request.
 */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dbFile: e.JANGKAU_DB,
    dataDir: e.JANGKAU_DATA_DIR,
    webDir: e.JANGKAU_WEB_DIR,
    tileUrl: e.TILE_URL ?? null,
    tileAttribution: e.TILE_ATTRIBUTION ?? null,
    adminEmail: e.JANGKAU_ADMIN_EMAIL ?? null,
    adminPassword: e.JANGKAU_ADMIN_PASSWORD ?? null,
    closedDates: e.JANGKAU_CLOSED_DATES.map((s) => ({ date: s.slice(0, 10), name: s.slice(11) || 'Closed' })),
    serviceRegion: e.JANGKAU_REGION_BBOX as AppConfig['serviceRegion'],
    secureCookies: e.JANGKAU_SECURE_COOKIES === 'true',
    trustProxy: e.JANGKAU_TRUST_PROXY === 'true',
    logLevel: e.LOG_LEVEL,
    regions: e.JANGKAU_REGIONS,
    publicUrl: e.JANGKAU_PUBLIC_URL ?? null,
  };
}

/** A config for tests and tools: defaults, an in-memory database, overridable. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({}), dbFile: ':memory:', logLevel: 'silent', ...overrides };
}

/** The password for `npm run users` from JANGKAU_PASSWORD, or null to prompt for it. */
export function cliPassword(env: Record<string, string | undefined>): string | null {
  return env.JANGKAU_PASSWORD || null;
}
