/** The point form's editable state (strings, as inputs hold them) and its conversion to the API body. */
import type { PointFeature, PointProps } from '../../api/types';
import type { PointBody } from './types';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface DayHours {
  open: boolean;
  opens: string;
  closes: string;
  /** Further spans of the day (e.g. after a lunch break); kept as they are, not edited here. */
  extra: { opens: string; closes: string }[];
}

export interface FormState {
  name: string;
  type: PointProps['type'];
  lat: string;
  lng: string;
  services: PointProps['services'];
  address: string;
  phone: string;
  whatsapp: string;
  /** false = hours unknown (sent as null). */
  hoursKnown: boolean;
  hours: Record<Weekday, DayHours>;
  marketDays: { triwara: string[]; pancawara: string[]; saptawara: string[]; wuku: string[] };
  opens: string;
  closes: string;
  status: 'active' | 'temporarily_closed';
  accuracy: PointProps['accuracy'];
  notes: string;
}

/** Six decimals ≈ 0.1 m: finer than any pin drag can mean. */
export const formatCoord = (n: number): string => n.toFixed(6);

function defaultHours(): Record<Weekday, DayHours> {
  const out = {} as Record<Weekday, DayHours>;
  for (const d of WEEKDAYS) out[d] = { open: d !== 'sat' && d !== 'sun', opens: '08:00', closes: d === 'fri' ? '11:30' : '15:00', extra: [] };
  return out;
}

/** An empty form for a new point, with the pin at `center` ([lng, lat]). */
export function emptyForm(center: [number, number]): FormState {
  return {
    name: '',
    type: 'village_office',
    lat: formatCoord(center[1]),
    lng: formatCoord(center[0]),
    services: ['information'],
    address: '',
    phone: '',
    whatsapp: '',
    hoursKnown: false,
    hours: defaultHours(),
    marketDays: { triwara: [], pancawara: [], saptawara: [], wuku: [] },
    opens: '',
    closes: '',
    status: 'active',
    // A pin placed from a desk is a good guess, not a field check: "verify on site" makes it exact.
    accuracy: 'approximate',
    notes: '',
  };
}

/** The form state of an existing point. */
export function formFromFeature(f: PointFeature): FormState {
  const p = f.properties;
  const hours = defaultHours();
  if (p.opening_hours) {
    for (const d of WEEKDAYS) {
      const spans = p.opening_hours[d] ?? [];
      hours[d] = spans.length ? { open: true, opens: spans[0].opens, closes: spans[0].closes, extra: spans.slice(1) } : { ...hours[d], open: false };
    }
  }
  const md = p.market_days ?? {};
  return {
    name: p.name,
    type: p.type,
    lat: formatCoord(f.geometry.coordinates[1]),
    lng: formatCoord(f.geometry.coordinates[0]),
    services: [...p.services],
    address: p.address ?? '',
    phone: p.phone ?? '',
    whatsapp: p.whatsapp ?? '',
    hoursKnown: p.opening_hours !== null,
    hours,
    marketDays: { triwara: md.triwara ?? [], pancawara: md.pancawara ?? [], saptawara: md.saptawara ?? [], wuku: md.wuku ?? [] },
    opens: p.opens ?? '',
    closes: p.closes ?? '',
    status: p.status === 'temporarily_closed' ? 'temporarily_closed' : 'active',
    accuracy: p.accuracy,
    notes: p.notes ?? '',
  };
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** A strict decimal number, or NaN ("1e3", "0x10" and "" are not coordinates someone typed). */
export function parseCoord(s: string): number {
  const t = s.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** The JSON body for POST/PATCH /api/points. Coordinates that are not numbers are sent as they are so the server names the field. */
export function bodyFromForm(s: FormState): PointBody {
  let opening_hours: PointBody['opening_hours'] = null;
  if (s.hoursKnown) {
    opening_hours = {};
    for (const d of WEEKDAYS) {
      const h = s.hours[d];
      if (h.open) opening_hours[d] = [{ opens: h.opens, closes: h.closes }, ...h.extra];
    }
  }
  const md: NonNullable<PointBody['market_days']> = {};
  for (const k of ['triwara', 'pancawara', 'saptawara', 'wuku'] as const) if (s.marketDays[k].length) md[k] = s.marketDays[k];
  const lat = parseCoord(s.lat);
  const lng = parseCoord(s.lng);
  return {
    name: s.name.trim(),
    type: s.type,
    lat: Number.isNaN(lat) ? (s.lat as unknown as number) : lat,
    lng: Number.isNaN(lng) ? (s.lng as unknown as number) : lng,
    services: s.services,
    address: orNull(s.address),
    phone: orNull(s.phone),
    whatsapp: orNull(s.whatsapp),
    opening_hours,
    market_days: Object.keys(md).length ? md : null,
    opens: orNull(s.opens),
    closes: orNull(s.closes),
    status: s.status,
    accuracy: s.accuracy,
    notes: orNull(s.notes),
  };
}
