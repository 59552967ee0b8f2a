/** The closed vocabularies of a service point. The API rejects anything else, naming the allowed values. */

export const POINT_TYPES = [
  'village_office',
  'district_office',
  'market',
  'community_hall',
  'bpjs_office',
  'service_partner',
  'other',
] as const;
export type PointType = (typeof POINT_TYPES)[number];

export const SERVICES = ['registration', 'information', 'card_printing', 'claims', 'payment'] as const;
export type Service = (typeof SERVICES)[number];

export const STATUSES = ['active', 'temporarily_closed', 'retired'] as const;
export type PointStatus = (typeof STATUSES)[number];

export const ACCURACIES = ['exact', 'approximate'] as const;
export type Accuracy = (typeof ACCURACIES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One bit per type, so the nearest index can filter without strings. */
export function typeBit(type: PointType): number {
  return 1 << POINT_TYPES.indexOf(type);
}

/** OR of one bit per service. */
export function serviceMask(services: readonly Service[]): number {
  let m = 0;
  for (const s of services) m |= 1 << SERVICES.indexOf(s);
  return m;
}
