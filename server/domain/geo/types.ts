/** A position in GeoJSON order: [longitude, latitude] in degrees. */
export type LngLat = [number, number];

/** A bounding box in GeoJSON order: [minLng, minLat, maxLng, maxLat] in degrees. */
export type BBox = [number, number, number, number];
