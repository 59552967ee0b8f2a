import { useEffect, useMemo, useRef } from 'react';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import L, { type Marker as LeafletMarker } from 'leaflet';
import BaseMap from '../../map/BaseMap';
import { fromLatLng, toLatLng } from '../../map/latLng';
import type { LngLat } from '../../api/types';

// A CSS-drawn pin: Leaflet's default icon is an image with inline styles, which the CSP forbids.
const PIN_ICON = L.divIcon({ className: 'staff-pin', html: '<span class="staff-pin__dot"></span>', iconSize: [44, 44], iconAnchor: [22, 40] });

/** Keeps the map centred on the pin when it moves from outside the map (typed coordinates, a new point). */
function FollowPin({ position, zoom }: { position: LngLat; zoom: number }) {
  const map = useMap();
  const first = useRef(true);
  useEffect(
    function panToPin() {
      const ll = toLatLng(position);
      if (first.current) {
        map.setView(ll, zoom);
        first.current = false;
      } else if (!map.getBounds().pad(-0.1).contains(ll)) {
        map.panTo(ll);
      }
    },
    [map, position, zoom],
  );
  return null;
}

/** A tap on the map moves the pin there: quicker than dragging on a small screen. */
function TapToMove({ onMove }: { onMove: (p: LngLat) => void }) {
  useMapEvents({ click: (e) => onMove(fromLatLng(e.latlng)) });
  return null;
}

/**
 * The point form's map: a draggable pin at `position` ([lng, lat]). Dragging or tapping reports the new
 * position in [lng, lat]; the parent keeps the lat/lng inputs in sync.
 */
export function PinMap({ label, pinLabel, position, onMove }: { label: string; pinLabel: string; position: LngLat | null; onMove: (p: LngLat) => void }) {
  const markerRef = useRef<LeafletMarker>(null);
  const handlers = useMemo(
    () => ({
      dragend() {
        const m = markerRef.current;
        if (m) onMove(fromLatLng(m.getLatLng()));
      },
    }),
    [onMove],
  );
  return (
    <BaseMap label={label} className="staff-pin-map">
      {position && (
        <>
          <FollowPin position={position} zoom={15} />
          <Marker ref={markerRef} position={toLatLng(position)} draggable icon={PIN_ICON} eventHandlers={handlers} title={pinLabel} alt={pinLabel} keyboard />
        </>
      )}
      <TapToMove onMove={onMove} />
    </BaseMap>
  );
}
