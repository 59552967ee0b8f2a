/**
 * The API's shapes as the web uses them: derived from the server's route schemas (server/http/contract.ts),
 * imported as types only so no server code enters the bundle. Coordinates are [lng, lat].
 */
import type { OptionsFrom } from '../../server/http/contract';
import type { RegistrationOption } from '../../server/domain/registration/rank';

export type {
  LngLat, PointProps, PointFeature, PointCollection, VillageProps, VillageFeature, VillageCollection, ClientConfig, RegionSummary, OfflinePack,
  Activity, VisitStatus, Visit, VisitRecord, VisitWarning, SavedVisit,
} from '../../server/http/contract';
export { ACTIVITIES } from '../../server/domain/schedule/types';

/** One answer of GET /api/options (see server/domain/registration/rank.ts). */
export type { OnlineOption, PlaceOption, PointOption, RegistrationOption, VisitOption } from '../../server/domain/registration/rank';

/** GET /api/options: where the worker can register, best first, then the online channels. */
export interface OptionsAnswer {
  from: OptionsFrom;
  options: RegistrationOption[];
}
