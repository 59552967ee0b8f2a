import type { Db } from './storage/db.js';
import type { AppConfig } from './config.js';
import type { Logger } from 'pino';

/** What createApp needs from the outside world. Tests pass an in-memory database and a fixed clock. */
export interface AppDeps {
  db: Db;
  config: AppConfig;
  /** The current time. Never call `new Date()` for "now" elsewhere: take it from here. */
  now: () => Date;
  logger?: Logger;
}
