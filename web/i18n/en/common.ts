/** Shared UI strings, English. Same keys as id/common.ts. */
export default {
  appName: 'Jangkau',
  tagline: 'BPJS Ketenagakerjaan in Bangli',
  skipToContent: 'Skip to content',
  language: 'Language',
  nav: { finder: 'Find a place', visits: 'Visits', planner: 'Planner', coverage: 'Coverage', impact: 'Impact', staff: 'Staff', event: 'Event' },
  loading: 'Loading…',
  retry: 'Try again',
  error: 'Something went wrong: {{message}}',
  offline: 'Offline — data from {{date}}',
  close: 'Close',
  approximate: 'approximate location',
  km: '{{value}} km',
  m: '{{value}} m',
  footer: { staff: 'Staff sign-in', planner: 'Visit planner', api: 'Open API', data: 'Area data: Cahya DSN (MIT), GeoNames (CC BY 4.0). Jangkau never asks for a NIK.' },
  notFound: 'Page not found.',
};
