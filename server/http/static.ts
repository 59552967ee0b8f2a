import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Serves the built web app. Hashed files under /assets are cached for a year; index.html and the
 * service worker are revalidated on every load so a deploy reaches phones quickly.
 */
export function staticRoutes(webDir: string) {
  const app = new Hono();
  const root = relative(process.cwd(), webDir) || '.';
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root, precompressed: true, onFound: (path, c) => {
    if (!path.includes('/assets/')) c.header('Cache-Control', 'no-cache');
  } }));
  // Any other page path gets the app shell (routing is client-side).
  app.get('*', (c) => {
    const index = join(webDir, 'index.html');
    if (!existsSync(index)) return c.text('The web app is not built yet: run `npm run build`.', 503);
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(index, 'utf8'));
  });
  return app;
}
