import { haversineM } from '../domain/geo/distance.js';
import type { VillageService } from './villages.js';

/** A venue's kecamatan: from its village, or (outside every village) the village with the nearest interior point. */
export function venueDistrict(villages: VillageService, villageCode: string | null, position: [number, number]): string {
  const v = villageCode ? villages.get(villageCode) : undefined;
  if (v) return v.district_code;
  let best = villages.list[0];
  for (const c of villages.list) if (haversineM(c.interior, position) < haversineM(best.interior, position)) best = c;
  return best.district_code;
}
