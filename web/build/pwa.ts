import { VitePWA } from 'vite-plugin-pwa';

/** Cache only good answers: never a 4xx/5xx, never an opaque response. */
const OK_ONLY = { statuses: [200] };
const DAY_S = 24 * 60 * 60;

/**
 * Never keep an answer the server marked private: it answered a signed-in request (a planner's visits with team,
 * notes and drafts; a staff read), and the caches outlive the logout. workbox-build copies this plugin into the
 * generated service worker as source, so it must not use anything from this module.
 */
const REFUSE_PRIVATE = {
  cacheWillUpdate: async ({ response }: { response: Response }) =>
    /private|no-store/i.test(response.headers.get('Cache-Control') ?? '') ? null : response,
};

/**
 * The installable, offline-capable app (vite-plugin-pwa, generateSW). The app shell is precached; the
 * public API data a worker needs with no signal is cached at run time, each cache with a size cap:
 * - village boundaries, registration facts and client config: stale-while-revalidate (they rarely change);
 * - offline packs (/packs/{code}.{hash}.json, one per kabupaten: villages, active points, visits): cache-first,
 *   they never change under a name; the pack list /api/packs network-first, so a new hash is seen when online;
 * - points (nearest lists, single points) and visits:
 *   network-first with a short timeout, so weak signal falls back to the last answer quickly.
 * Staff and auth endpoints are never cached, nor any answer to a signed-in request (REFUSE_PRIVATE).
 */
export function pwa() {
  return VitePWA({
    registerType: 'autoUpdate',
    // An external /registerSW.js: an inline registration script would break the CSP (script-src 'self').
    injectRegister: 'script',
    includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon-180.png'],
    manifest: {
      name: 'Jangkau — BPJS Ketenagakerjaan Bangli',
      short_name: 'Jangkau',
      description: 'Cari tempat pendaftaran BPJS Ketenagakerjaan dan jadwal kunjungan terdekat di Kabupaten Bangli, juga saat offline.',
      lang: 'id',
      dir: 'ltr',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      orientation: 'portrait',
      theme_color: '#0b6e4f',
      background_color: '#ffffff',
      categories: ['government', 'utilities'],
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      globIgnores: ['**/*.br', '**/*.gz'],
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [/^\/api\//],
      clientsClaim: true,
      skipWaiting: true,
      cleanupOutdatedCaches: true,
      runtimeCaching: [
        {
          // Offline packs are immutable (their name carries a content hash): once cached, never refetched.
          // A few entries: the worker's kabupaten, plus a neighbour or an older pack until it ages out.
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/packs/'),
          handler: 'CacheFirst',
          method: 'GET',
          options: { cacheName: 'jangkau-packs', cacheableResponse: OK_ONLY, expiration: { maxEntries: 3, maxAgeSeconds: 60 * DAY_S } },
        },
        {
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/api/packs',
          handler: 'NetworkFirst',
          method: 'GET',
          options: { cacheName: 'jangkau-pack-list', networkTimeoutSeconds: 4, cacheableResponse: OK_ONLY, expiration: { maxEntries: 1 } },
        },
        {
          urlPattern: ({ url, sameOrigin }) => sameOrigin && (url.pathname === '/api/villages' || url.pathname === '/api/info/registration' || url.pathname === '/api/config'),
          handler: 'StaleWhileRevalidate',
          method: 'GET',
          options: { cacheName: 'jangkau-reference', plugins: [REFUSE_PRIVATE], cacheableResponse: OK_ONLY, expiration: { maxEntries: 10, maxAgeSeconds: 60 * DAY_S } },
        },
        {
          urlPattern: ({ url, sameOrigin }) => sameOrigin && (url.pathname === '/api/points' || url.pathname === '/api/points/nearest' || /^\/api\/points\/\d+$/.test(url.pathname)),
          handler: 'NetworkFirst',
          method: 'GET',
          options: { cacheName: 'jangkau-points', networkTimeoutSeconds: 4, plugins: [REFUSE_PRIVATE], cacheableResponse: OK_ONLY, expiration: { maxEntries: 150, maxAgeSeconds: 30 * DAY_S } },
        },
        {
          // Not the sign-up list (personal data must not outlive its deletion in a device cache) nor outcomes.
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/api/visits') && !url.pathname.endsWith('.ics') && !/\/(interest|outcome)$/.test(url.pathname),
          handler: 'NetworkFirst',
          method: 'GET',
          options: { cacheName: 'jangkau-visits', networkTimeoutSeconds: 4, plugins: [REFUSE_PRIVATE], cacheableResponse: OK_ONLY, expiration: { maxEntries: 60, maxAgeSeconds: 30 * DAY_S } },
        },
        {
          // The event page's questions, so a participant who reloads it without signal can still answer; never a
          // planner's copy (it carries the answers and is marked private).
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/api/quiz',
          handler: 'NetworkFirst',
          method: 'GET',
          options: { cacheName: 'jangkau-quiz', networkTimeoutSeconds: 4, plugins: [REFUSE_PRIVATE], cacheableResponse: OK_ONLY, expiration: { maxEntries: 4, maxAgeSeconds: 7 * DAY_S } },
        },
      ],
    },
  });
}
