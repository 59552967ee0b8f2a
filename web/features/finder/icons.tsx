import type { PointProps } from '../../api/types';

/** Stroke paths (24×24, Feather-like) drawn inline so they work offline and under a strict CSP. */
const PATHS = {
  village_office: 'M3 11 12 4l9 7M5 10v10h14V10M10 20v-6h4v6',
  district_office: 'M3 9 12 4l9 5M4 9h16M6 9v9M10 9v9M14 9v9M18 9v9M3 20h18',
  market: 'M4 9h16l-1.5-5h-13L4 9Zm0 0a2.7 2.7 0 0 0 5.3 0 2.7 2.7 0 0 0 5.4 0 2.7 2.7 0 0 0 5.3 0M5 11v9h14v-9M10 20v-5h4v5',
  community_hall: 'M2 10 12 4l10 6M5 10v10M19 10v10M9.5 10v10M14.5 10v10M3 20h18',
  bpjs_office: 'M12 3 5 6v5c0 4.4 3 8.2 7 10 4-1.8 7-5.6 7-10V6l-7-3Zm-3 9 2 2 4-4',
  service_partner: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM2 20c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5m-2.5-5c1.2-.6 2.8-.5 4.5-.5 3.3 0 6 2.2 6 5.5',
  other: 'M12 21s7-6.2 7-11.5A7 7 0 0 0 5 9.5C5 14.8 12 21 12 21Zm0-9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z',
  locate: 'M12 19a7 7 0 1 0 0-14 7 7 0 0 0 0 14Zm0-4a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM12 2v3M12 19v3M2 12h3M19 12h3',
  directions: 'M12 2.5 21.5 12 12 21.5 2.5 12 12 2.5ZM9 14v-3h6m-2-2 2 2-2 2',
  share: 'M4 20l1.3-4A8 8 0 1 1 8.4 19L4 20Zm5-11c0 3.3 2.7 6 6 6l1-1.5-2-1-1 1c-1.1-.4-2.1-1.4-2.5-2.5l1-1-1-2L9 9Z',
  phone: 'M6.6 3h3l1.5 4-2 1.3a11 11 0 0 0 6.6 6.6l1.3-2 4 1.5v3A2 2 0 0 1 19 20 16 16 0 0 1 4 5a2 2 0 0 1 2.6-2Z',
  clock: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-14v5l3 2',
  check: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm-4-9 3 3 5-5',
  alert: 'M12 3 2 20h20L12 3Zm0 6v5m0 3v.01',
  map: 'M9 4 3 6v14l6-2 6 2 6-2V4l-6 2-6-2Zm0 0v14m6-12v14',
  shield: 'M12 3 5 6v5c0 4.4 3 8.2 7 10 4-1.8 7-5.6 7-10V6l-7-3Z',
} as const;

export type IconName = keyof typeof PATHS;

/** A decorative icon; the text next to it carries the meaning, so it is hidden from screen readers. */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={`icon ${className ?? ''}`} viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The icon of a point type. */
export function TypeIcon({ type, className }: { type: PointProps['type']; className?: string }) {
  return <Icon name={type} className={className} />;
}
