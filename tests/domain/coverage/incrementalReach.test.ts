import { describe, expect, it } from 'vitest';
import { computeReach, type ReachingPlace } from '../../../server/domain/coverage/reach.js';
import { IncrementalReach } from '../../../server/domain/coverage/incrementalReach.js';
import { makeTestApp } from '../../helpers/app.js';
import { seededRandom } from '../../helpers/random.js';

const t = makeTestApp({ config: { regions: ['51'] } });
const villages = t.services.villages.list.map((v) => ({ code: v.code, name: v.name, district_code: v.district_code, position: v.interior }));

describe('IncrementalReach on the 716 villages of Bali', () => {
  it('equals computeReach from scratch after each of 300 random additions, moves and removals of made-up places', () => {
    const rand = seededRandom(3);
    const at = (): [number, number] => [114.45 + rand() * 1.25, -8.8 + rand() * 0.7];
    let places: ReachingPlace[] = Array.from({ length: 40 }, (_, i) => ({ point_id: i + 1, position: at() }));
    const inc = new IncrementalReach(villages, places);
    let nextId = 41;
    for (let step = 0; step < 300; step++) {
      const r = rand();
      if (r < 0.4 || places.length < 2) places = [...places, { point_id: nextId++, position: at() }];
      else if (r < 0.7) {
        const k = Math.floor(rand() * places.length);
        places = places.map((p, i) => (i === k ? { ...p, position: at() } : p));
      } else places = places.filter((_, i) => i !== Math.floor(rand() * places.length));
      inc.update(places);
      expect(inc.result(5), `step ${step}`).toEqual(computeReach(villages, places, 5));
    }
  });

  it('breaks ties to the smallest point id, like computeReach', () => {
    const v = villages[0].position;
    const inc = new IncrementalReach(villages, [{ point_id: 9, position: v }]);
    inc.update([{ point_id: 9, position: v }, { point_id: 4, position: v }]);
    expect(inc.result(5).villages[0].nearest_point_id).toBe(4);
    expect(inc.result(5)).toEqual(computeReach(villages, [{ point_id: 9, position: v }, { point_id: 4, position: v }], 5));
  });
});
