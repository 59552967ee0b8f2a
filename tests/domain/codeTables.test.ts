import { describe, expect, it } from 'vitest';
import { COMMON_CODES } from '../../server/domain/codes/common.js';
import { AUTH_CODES } from '../../server/domain/codes/auth.js';
import { REGISTRATION_CODES } from '../../server/domain/codes/registration.js';
import { EVENTS_CODES } from '../../server/domain/codes/events.js';
import { REGIONS_CODES } from '../../server/domain/codes/regions.js';
import { POINTS_CODES } from '../../server/domain/codes/points.js';
import { VISITS_CODES } from '../../server/domain/codes/visits.js';
import { OUTCOMES_CODES } from '../../server/domain/codes/outcomes.js';

const TABLES = { COMMON_CODES, AUTH_CODES, REGISTRATION_CODES, EVENTS_CODES, REGIONS_CODES, POINTS_CODES, VISITS_CODES, OUTCOMES_CODES };

describe('the code registry tables', () => {
  it('registers each code in one table only, so a later table cannot silently replace its params', () => {
    const owners = new Map<string, string[]>();
    for (const [table, codes] of Object.entries(TABLES)) for (const code of Object.keys(codes)) owners.set(code, [...(owners.get(code) ?? []), table]);
    expect([...owners].filter(([, tables]) => tables.length > 1)).toEqual([]);
  });
});
