import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import pino from 'pino';
import { loadConfig, ROOT_DIR } from './config.js';
import { openDb } from './storage/db.js';
import { prepareRegions } from './services/regions/ensureRegions.js';
import { createServices } from './services/index.js';
import { createApp } from './app.js';

/** Starts Jangkau: config, database (created, migrated and seeded on first start), web build, listen. */
async function main() {
  const config = loadConfig(process.env);
  // Asynchronous stdout: under load, request lines are batched into few writes off the request path
  // (pino's default writes synchronously, one syscall per request). Flushed on shutdown below.
  const logDestination = pino.destination({ dest: 1, sync: false });
  const logger = pino({ level: config.logLevel }, logDestination);
  const now = () => new Date();

  if (!existsSync(join(config.webDir, 'index.html'))) {
    logger.info('web app not built yet: running vite build (once)');
    execFileSync(process.execPath, [join(ROOT_DIR, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT_DIR, 'web', 'vite.config.ts')], {
      cwd: ROOT_DIR,
      stdio: 'inherit',
      env: { ...process.env, JANGKAU_WEB_OUT: config.webDir },
    });
  }

  const db = openDb(config.dbFile);
  const regions = prepareRegions(db, config.dataDir, config.regions, now());
  logger.info({ db: config.dbFile, kabupaten: regions.kabupaten, villagesAdded: regions.added }, 'regions ready');
  const deps = { db, config, now, logger };
  const services = createServices(deps);
  if (await services.auth.ensureFirstAdmin(config.adminEmail, config.adminPassword)) {
    logger.info({ email: config.adminEmail }, 'first admin created');
  }
  const app = createApp(deps, services);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info(`Jangkau is serving on http://localhost:${info.port}`);
  });

  const shutdown = () => {
    server.close();
    db.close();
    logDestination.flushSync();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
