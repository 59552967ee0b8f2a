import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { regionsBbox, useRegions } from '../api/hooks';
import { toLatLng } from './latLng';

/**
 * Starts the map at the deployment's regions (GET /api/regions): once they load, fits their combined box,
 * unless it lies within the initial Bangli view already (the default deployment keeps its first view).
 */
export function FitRegions({ initial }: { initial: [[number, number], [number, number]] }) {
  const map = useMap();
  const regions = useRegions();
  const done = useRef(false);
  useEffect(() => {
    const box = regionsBbox(regions.data);
    if (!box || done.current) return;
    done.current = true;
    const [[s, w], [n, e]] = initial;
    const inside = box[0] >= w - 0.05 && box[2] <= e + 0.05 && box[1] >= s - 0.05 && box[3] <= n + 0.05;
    if (!inside) map.fitBounds([toLatLng([box[0], box[1]]), toLatLng([box[2], box[3]])]);
  }, [regions.data, map, initial]);
  return null;
}
