/** Offline banner strings, English (same keys as id/offline.ts). */
export default {
  banner: 'Offline — using the data saved on this phone',
  bannerWithDate: 'Offline, data from {{date}} WITA',
  hint: 'Distances are computed on your phone. Opening hours and schedules may have changed.',
};
