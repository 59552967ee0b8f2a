import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { toLatLng } from './latLng';

type Box = readonly [number, number, number, number];

/**
 * Zooms the map to `box` ([minLng, minLat, maxLng, maxLat]) whenever it changes, e.g. when a kabupaten is chosen;
 * when it goes back to null after one was shown, zooms out to `fallback` (all served regions). Renders nothing.
 */
export function FitBox({ box, fallback }: { box: Box | null; fallback: Box | null }) {
  const map = useMap();
  const shown = useRef<string | null>(null);
  const key = box ? box.join(',') : null;
  useEffect(() => {
    if (key === shown.current) return;
    const target = box ?? (shown.current !== null ? fallback : null);
    shown.current = key;
    if (!target) return;
    const fit = () => map.fitBounds([toLatLng([target[0], target[1]]), toLatLng([target[2], target[3]])]);
    // Leaflet drops a new view asked for while a zoom animation runs (e.g. the start-up fit to the served
    // regions), so wait for that one to end.
    if ((map as unknown as { _animatingZoom?: boolean })._animatingZoom) map.once('zoomend', fit);
    else fit();
    // box is read through key (an array literal would refit on every render)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, fallback, map]);
  return null;
}
