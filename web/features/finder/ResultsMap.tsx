import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Marker, Popup, useMap } from 'react-leaflet';
import MarkerClusterGroup from 'react-leaflet-cluster';
import 'react-leaflet-cluster/dist/assets/MarkerCluster.css';
import L from 'leaflet';
import BaseMap from '../../map/BaseMap';
import { toLatLng } from '../../map/latLng';
import type { LngLat, PointFeature } from '../../api/types';
import { formatDistance } from './format';
import { directionsUrl } from './links';

export interface ResultsMapProps {
  features: PointFeature[];
  you: { position: LngLat; label: string } | null;
}

/** Escapes text for Leaflet's divIcon HTML (names come from data, never trusted as markup). */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Numbered marker icons styled by CSS classes only: the strict CSP forbids inline styles in marker HTML. */
function rankIcon(rank: number, type: string, approximate: boolean): L.DivIcon {
  const icon = L.divIcon({
    className: `finder-marker finder-marker--${type}${approximate ? ' finder-marker--approx' : ''}`,
    html: `<span aria-hidden="true">${escapeHtml(String(rank))}</span>`,
    // 44 px is the tap target (WCAG 2.5.5); the visible disc inside stays 32 px (finder.css).
    iconSize: [44, 44],
    iconAnchor: [22, 22],
    popupAnchor: [0, -14],
  });
  // Read back by clusterIcon: a cluster shows the list numbers of the places it holds.
  (icon.options as RankedIconOptions).rank = rank;
  return icon;
}

type RankedIconOptions = L.DivIconOptions & { rank?: number };
/** The part of leaflet.markercluster's cluster this file uses (the package ships no types). */
interface Cluster {
  getAllChildMarkers(): L.Marker[];
}

/**
 * Places closer than one tap target (44 px) on screen are drawn as one cluster marker showing their list numbers
 * ("3·5"), so no marker hides another; tapping it zooms in, or spreads them out at the closest zoom.
 */
function clusterIcon(label: (ranks: string) => string) {
  return (cluster: Cluster): L.DivIcon => {
    const ranks = cluster
      .getAllChildMarkers()
      .map((m) => (m.options.icon?.options as RankedIconOptions | undefined)?.rank ?? 0)
      .sort((a: number, b: number) => a - b);
    const shown = ranks.length <= 2 ? ranks.join('·') : `${ranks[0]}+`;
    return L.divIcon({
      className: 'finder-marker finder-marker--cluster',
      html: `<span aria-hidden="true" data-ranks="${ranks.join(',')}">${escapeHtml(shown)}</span><span class="visually-hidden">${escapeHtml(label(ranks.join(', ')))}</span>`,
      iconSize: [44, 44],
      iconAnchor: [22, 22],
    });
  };
}

// A wide halo with a centre dot, drawn under the numbered markers so it stays visible when a place is 0 m away.
const YOU_ICON = L.divIcon({ className: 'finder-you', html: '<span></span>', iconSize: [48, 48], iconAnchor: [24, 24] });

/** Zooms the map to show every listed point and the user's position whenever the results change. */
function FitToResults({ positions }: { positions: LngLat[] }) {
  const map = useMap();
  const key = positions.map((p) => p.join(',')).join(';');
  useEffect(
    function fitToResults() {
      if (positions.length === 0) return;
      const bounds = L.latLngBounds(positions.map(toLatLng));
      // Markers stay clear of the zoom buttons (top left, 44 × 88 px) and the map's edges: a marker half under a
      // control or cut off by the edge is a smaller tap target.
      // data-settled says when the map has reached the results' view (tests and tools wait for it before measuring).
      const container = map.getContainer();
      container.dataset.settled = 'false';
      const settle = () => (container.dataset.settled = 'true');
      map.once('moveend', settle);
      // An unchanged view may end without a move: settle anyway once any animation would have finished.
      const timer = window.setTimeout(settle, 1500);
      map.fitBounds(bounds, { paddingTopLeft: [84, 36], paddingBottomRight: [36, 36], maxZoom: 15 });
      return () => {
        window.clearTimeout(timer);
        map.off('moveend', settle);
      };
    },
    // positions is rebuilt each render; the joined key says when it really changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [map, key],
  );
  return null;
}

/**
 * The map under the list: village boundaries (BaseMap), one numbered marker per listed point (numbers match
 * the list), and the user's position. Markers are keyboard-focusable with an accessible name (title).
 */
export default function ResultsMap({ features, you }: ResultsMapProps) {
  const { t, i18n } = useTranslation('finder');
  const positions = useMemo(() => [...features.map((f) => f.geometry.coordinates), ...(you ? [you.position] : [])], [features, you]);
  const iconCreateFunction = useMemo(() => clusterIcon((ranks) => t('map.cluster', { ranks })), [t]);
  return (
    <BaseMap label={t('map.label')} className="finder-map">
      {you && (
        <Marker position={toLatLng(you.position)} icon={YOU_ICON} title={t('map.you', { label: you.label })} alt={t('map.you', { label: you.label })} keyboard={false} interactive={false} zIndexOffset={-1000} />
      )}
      <MarkerClusterGroup key={i18n.language} maxClusterRadius={64} showCoverageOnHover={false} spiderfyDistanceMultiplier={1.8} iconCreateFunction={iconCreateFunction}>
      {features.map((f, i) => {
        const p = f.properties;
        const distance = p.distance_m === undefined ? '' : formatDistance(p.distance_m, i18n.language);
        const name = t('map.marker', { rank: i + 1, name: p.name, distance });
        return (
          <Marker key={`${f.id}-${i18n.language}`} position={toLatLng(f.geometry.coordinates)} icon={rankIcon(i + 1, p.type, p.accuracy === 'approximate')} title={name} alt={name} zIndexOffset={features.length - i}>
            <Popup>
              <strong>{p.name}</strong>
              <br />
              {t(`vocab:types.${p.type}`)}
              {distance && ` · ${distance}`}
              {p.accuracy === 'approximate' && (
                <>
                  <br />
                  {t('card.approximate')}
                </>
              )}
              <br />
              <a href={directionsUrl(f.geometry.coordinates)} target="_blank" rel="noopener noreferrer">
                {t('card.directions')}
              </a>
            </Popup>
          </Marker>
        );
      })}
      </MarkerClusterGroup>
      <FitToResults positions={positions} />
    </BaseMap>
  );
}
