import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { compress } from './http/compress.js';
import type { AppDeps } from './deps.js';
import type { AppEnv } from './http/env.js';
import { createServices, type Services } from './services/index.js';
import { errorBody, errorToResponse } from './errors.js';
import { csrfGuard, sessionMiddleware } from './http/auth.js';
import { privateWhenSignedIn } from './http/privateAnswers.js';
import { healthRoutes } from './http/routes/health.js';
import { pointRoutes } from './http/routes/points.js';
import { villageRoutes } from './http/routes/villages.js';
import { regionRoutes } from './http/routes/regions.js';
import { packFileRoutes, packListRoutes } from './http/routes/packs.js';
import { authRoutes } from './http/routes/auth.js';
import { userRoutes } from './http/routes/users.js';
import { pointEditRoutes } from './http/routes/pointEdits.js';
import { importExportRoutes } from './http/routes/importExport.js';
import { auditRoutes } from './http/routes/audit.js';
import { reportRoutes } from './http/routes/reports.js';
import { infoRoutes } from './http/routes/info.js';
import { configRoutes } from './http/routes/config.js';
import { coverageRoutes } from './http/routes/coverage.js';
import { impactRoutes } from './http/routes/impact.js';
import { calendarRoutes } from './http/routes/calendar.js';
import { visitRoutes } from './http/routes/visits.js';
import { planRoutes } from './http/routes/plans.js';
import { quizRoutes } from './http/routes/quiz.js';
import { eventRoutes } from './http/routes/events.js';
import { optionRoutes } from './http/routes/options.js';
import { posterRoutes } from './http/routes/posters.js';
import { recheckRoutes } from './http/routes/recheck.js';
import { staticRoutes } from './http/static.js';
import { requestLog } from './http/requestLog.js';
import { bodyGuard } from './http/bodyGuard.js';
import { DOCS_CSS, renderDocsPage } from './http/docsPage.js';

const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Jangkau',
    version: '0.1.0',
    description: 'BPJS Ketenagakerjaan service points and outreach visits in Kabupaten Bangli. Coordinates are [lng, lat] (GeoJSON).',
  },
};

function contentSecurityPolicy(tileUrl: string | null) {
  const tileOrigin = tileUrl ? new URL(tileUrl.replace(/\{[a-z]\}/g, 'a')).origin : null;
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:', ...(tileOrigin ? [tileOrigin] : [])],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  };
}

/**
 * Builds the whole application from its dependencies: services, middleware, one router per resource,
 * the OpenAPI document and the built web app. The single composition root; main.ts only listens.
 */
export function createApp(deps: AppDeps, services: Services = createServices(deps)) {
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', requestLog(deps.logger));
  app.use('*', secureHeaders({ contentSecurityPolicy: contentSecurityPolicy(deps.config.tileUrl), crossOriginEmbedderPolicy: false }));
  app.use('*', compress());
  app.use('/api/*', sessionMiddleware(services.auth));
  app.use('/api/*', privateWhenSignedIn());
  app.use('/api/*', csrfGuard());
  app.use('/api/*', bodyGuard({ skip: (path) => path === '/api/import' }));

  const api = new OpenAPIHono<AppEnv>();
  api.route('/', healthRoutes());
  api.route('/', configRoutes(deps.config));
  api.route('/', pointRoutes(services.finder, services.versions, services.pointViews));
  api.route('/', villageRoutes(services.villages));
  api.route('/', regionRoutes(services.villages));
  api.route('/', packListRoutes(services.packs));
  api.route('/', authRoutes(services.auth, { secureCookies: deps.config.secureCookies, trustProxy: deps.config.trustProxy }));
  api.route('/', userRoutes(services.auth));
  api.route('/', pointEditRoutes(services.pointEdits, services.versions, services.idempotency));
  api.route('/', recheckRoutes(services.recheck));
  api.route('/', importExportRoutes(services.importer, services.pointExport));
  api.route('/', auditRoutes(services.audit));
  api.route('/', reportRoutes(services.reports, { trustProxy: deps.config.trustProxy }));
  api.route('/', infoRoutes(services.info));
  api.route('/', coverageRoutes(services.coverage));
  api.route('/', impactRoutes(services.outcomes, services.versions));
  api.route('/', calendarRoutes(services.calendar));
  api.route('/', posterRoutes(services.posters, { publicUrl: deps.config.publicUrl, trustProxy: deps.config.trustProxy }));
  api.route('/', visitRoutes(services.visits, services.versions, services.idempotency));
  api.route('/', planRoutes(services.plans));
  api.route('/', quizRoutes(services.quizBank));
  api.route('/', eventRoutes(services.participation, services.interest, { trustProxy: deps.config.trustProxy }));
  api.route('/', optionRoutes(services.options));
  app.route('/api', api);
  // The document is generated on the root app so its paths carry the /api prefix.
  app.doc31('/api/openapi.json', OPENAPI_INFO);
  app.get('/api/docs', (c) => c.html(renderDocsPage(app.getOpenAPI31Document(OPENAPI_INFO) as never)));
  app.get('/api/docs.css', (c) => c.body(DOCS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.all('/api/*', (c) => c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}; see /api/docs`), 404));

  app.route('/', packFileRoutes(services.packs));
  app.route('/', staticRoutes(deps.config.webDir));

  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      const message = err.message || 'Bad request';
      const json = /JSON/i.test(message);
      return c.json(errorBody(json ? 'invalid_json' : 'bad_request', message, json ? 'body' : undefined), err.status);
    }
    const { status, body } = errorToResponse(err);
    if (status >= 500) deps.logger?.error({ err, path: c.req.path }, 'unhandled error');
    return c.json(body, status as 400);
  });

  return app;
}
