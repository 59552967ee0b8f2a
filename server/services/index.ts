import type { AppDeps } from '../deps.js';
import { PointStore } from '../storage/points.js';
import { readDataJson } from '../storage/dataFiles.js';
import { VillageService } from './villages.js';
import { FinderService } from './finder.js';
import { AuthService } from './auth.js';

/**
 * Builds every service from the dependencies. The only place services are wired together;
 * createApp hands each router the services it needs.
 */
export function createServices(deps: AppDeps) {
  const pointStore = new PointStore(deps.db);
  const villages = new VillageService(deps.db);
  const finder = new FinderService(pointStore, villages, deps.now);
  const auth = new AuthService(deps.db, deps.now);
  const info = {
    rules: readDataJson<Record<string, unknown>>(deps.config.dataDir, 'bpjstk_bpu_contribution_rules.json'),
    guide: readDataJson<Record<string, unknown>>(deps.config.dataDir, 'registration_guide.json'),
  };
  return { pointStore, villages, finder, auth, info };
}

export type Services = ReturnType<typeof createServices>;
