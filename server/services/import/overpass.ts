import type { PointType } from '../../domain/points/vocabulary.js';
import type { ImportColumn, ParsedItem, RowSource } from './types.js';
import type { FieldError } from './rowBody.js';

/** Provenance written on points created from OpenStreetMap; ODbL requires the attribution. */
export const OSM_SOURCE = 'OpenStreetMap (ODbL)';

interface OsmElement {
  type?: unknown;
  id?: unknown;
  lat?: unknown;
  lon?: unknown;
  center?: { lat?: unknown; lon?: unknown };
  tags?: Record<string, string>;
}

const DISTRICT_WORDS = /\b(kecamatan|camat)\b/i;
const VILLAGE_WORDS = /\b(desa|kelurahan|lurah|perbekel|perbekelan|kepala desa|kades)\b/i;

/**
 * The office type of an `amenity=townhall` / `office=government` element. The rule, in order:
 * 1. `admin_level` 7 (kecamatan in Indonesia) → district_office; 8, 9 or 10 (desa/kelurahan and below)
 *    → village_office; 6 or lower (kabupaten, province) → other.
 * 2. Otherwise words in name / official_name / description / government / townhall:type:
 *    kecamatan, camat → district_office; desa, kelurahan, lurah, perbekel(an), kepala desa, kades,
 *    or townhall:type=village → village_office.
 * 3. Anything else → other (a government office that is not a village or district office, e.g. a dinas).
 */
export function officeType(tags: Record<string, string>): PointType {
  const level = Number(tags.admin_level);
  if (Number.isInteger(level) && tags.admin_level?.trim() !== '') {
    if (level === 7) return 'district_office';
    if (level >= 8 && level <= 10) return 'village_office';
    if (level <= 6) return 'other';
  }
  const text = [tags.name, tags['name:id'], tags.official_name, tags.description, tags.government, tags['townhall:type']]
    .filter(Boolean)
    .join(' ');
  if (DISTRICT_WORDS.test(text)) return 'district_office';
  if (VILLAGE_WORDS.test(text) || tags['townhall:type'] === 'village') return 'village_office';
  return 'other';
}

/** The point type of an OSM element's tags, or null when Jangkau has no type for it. */
export function osmPointType(tags: Record<string, string>): PointType | null {
  if (tags.amenity === 'marketplace') return 'market';
  if (tags.amenity === 'community_centre') return 'community_hall';
  if (tags.amenity === 'townhall' || tags.office === 'government') return officeType(tags);
  return null;
}

/** An address line from OSM addr:* tags, or undefined when there are none. */
function osmAddress(tags: Record<string, string>): string | undefined {
  if (tags['addr:full']) return tags['addr:full'];
  const street = [tags['addr:street'], tags['addr:housenumber']].filter(Boolean).join(' ');
  const parts = [street, tags['addr:hamlet'], tags['addr:village'] ?? tags['addr:suburb'], tags['addr:subdistrict'], tags['addr:city'] ?? tags['addr:district']];
  const line = parts.filter((p) => p && p.trim()).join(', ');
  return line || undefined;
}

/**
 * Maps one Overpass element to an import item. `line` is the 0-based index in `elements`.
 * Nodes carry lat/lon; ways and relations need `out center;` so they carry `center`.
 * Elements of other kinds and nameless places are skipped (reported, not errors): an Overpass answer
 * routinely contains them and they should not block the rest.
 */
export function elementToItem(el: OsmElement, index: number): ParsedItem {
  const tags = el && typeof el.tags === 'object' && el.tags ? el.tags : {};
  const kind = el?.type;
  const ref = `${String(kind)}/${String(el?.id)}`;
  if ((kind !== 'node' && kind !== 'way' && kind !== 'relation') || !Number.isSafeInteger(el.id)) {
    return { row: { line: index, fields: {}, errors: [{ field: 'type', code: 'import_osm_invalid', params: {}, message: `elements[${index}] must be an OSM node, way or relation with a numeric id (got ${ref})` }] } };
  }
  const type = osmPointType(tags);
  if (!type) return { skipped: { line: index, code: 'import_skipped_kind', params: { ref }, message: `${ref} is not a marketplace, community centre, townhall or government office` } };
  const name = (tags.name ?? tags['name:id'] ?? '').trim();
  if (!name) return { skipped: { line: index, code: 'import_skipped_nameless', params: { ref }, message: `${ref} (${type}) has no name in OSM` } };

  const at = kind === 'node' ? { lat: el.lat, lon: el.lon } : (el.center ?? {});
  const fields: Partial<Record<ImportColumn, unknown>> = {
    name,
    type,
    external_id: `osm:${ref}`,
    accuracy: 'exact',
  };
  const errors: FieldError[] = [];
  if (typeof at.lat !== 'number' || typeof at.lon !== 'number') {
    errors.push({ field: 'center', code: 'import_osm_no_position', params: {}, message: `${ref} has no position; ask Overpass for centres of ways and relations with "out center;"` });
  } else {
    fields.lat = at.lat;
    fields.lng = at.lon;
  }
  const address = osmAddress(tags);
  if (address) fields.address = address;
  const phone = tags.phone ?? tags['contact:phone'];
  if (phone) fields.phone = phone.split(';')[0].trim();
  const whatsapp = tags['contact:whatsapp'];
  if (whatsapp) fields.whatsapp = whatsapp.split(';')[0].trim();
  return { row: { line: index, fields, source: OSM_SOURCE, ...(errors.length ? { errors } : {}) } };
}

/** A source over a parsed Overpass JSON answer (already in memory). */
export function overpassSource(answer: { elements: unknown[] }, sizeBytes?: number): RowSource {
  const eachSync = (visit: (item: ParsedItem) => void) => {
    answer.elements.forEach((el, i) => visit(elementToItem(el as OsmElement, i)));
  };
  return {
    format: 'overpass',
    sizeBytes,
    eachSync,
    async *items() {
      for (let i = 0; i < answer.elements.length; i++) yield elementToItem(answer.elements[i] as OsmElement, i);
    },
  };
}
