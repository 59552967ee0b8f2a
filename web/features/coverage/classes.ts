/**
 * Distance classes for the coverage choropleth. Class edges follow the chosen radius (½r, r, 2r, 4r) so the
 * first two classes are exactly the covered villages. The palette is viridis (colour-blind safe, ordered in
 * lightness): near = light yellow, far = dark purple; villages with no registration opportunity at all get a
 * grey that is not on the scale, drawn with a dashed outline.
 */
import type { PathOptions } from 'leaflet';

export const CLASS_COLOURS = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'] as const;
export const NONE_COLOUR = '#c8c8c8';

export interface DistanceClass {
  index: number;
  /** Lower edge in km (exclusive, except for the first class), upper edge in km (inclusive) or null for "more than". */
  fromKm: number;
  toKm: number | null;
  colour: string;
}

/** The five classes for a radius in km. */
export function distanceClasses(radiusKm: number): DistanceClass[] {
  const edges = [0, radiusKm / 2, radiusKm, radiusKm * 2, radiusKm * 4];
  return CLASS_COLOURS.map((colour, index) => ({ index, fromKm: edges[index], toKm: index < 4 ? edges[index + 1] : null, colour }));
}

/** The class of a distance in metres, or null when there is no reaching place. */
export function classOf(distanceM: number | null, classes: DistanceClass[]): DistanceClass | null {
  if (distanceM === null) return null;
  const km = distanceM / 1000;
  return classes.find((c) => c.toKm === null || km <= c.toKm) ?? classes[classes.length - 1];
}

/** Leaflet style of one village polygon; `highlight` outlines villages a suggestion would newly reach. */
export function villagePathStyle(cls: DistanceClass | null, highlight: boolean): PathOptions {
  const base: PathOptions = cls
    ? { fillColor: cls.colour, fillOpacity: 0.85, color: '#4a4a4a', weight: 1 }
    : { fillColor: NONE_COLOUR, fillOpacity: 0.85, color: '#5a5a5a', weight: 1, dashArray: '4 3' };
  return highlight ? { ...base, color: '#d1005b', weight: 3.5, dashArray: undefined } : base;
}
