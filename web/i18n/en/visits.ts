/** Worker section "next visits near you", English. Same keys as id/visits.ts. */
export default {
  title: 'Next visits near you',
  intro: 'BPJS Ketenagakerjaan officers come to markets and village offices. Register on the spot; bring your KTP.',
  near: 'Within {{km}} km of {{place}}, next {{days}} days',
  choosePlace: 'Choose your village or location above to see the nearest visits.',
  empty: 'No visits are scheduled within {{km}} km of {{place}} in the next {{days}} days.',
  emptyHint: 'You can still register yourself in the JMO app or at the nearest BPJS Ketenagakerjaan office.',
  loadError: 'The visit schedule could not be loaded.',
  when: 'When',
  time: '{{span}}',
  distance: '{{distance}} from {{place}}',
  addToCalendar: 'Add to calendar',
  activitiesLabel: 'Activities',
  more: 'Show more',
  status: { scheduled: 'Scheduled', cancelled: 'Cancelled', draft: 'Draft' },
  activity: {
    sosialisasi: 'Information session',
    pendaftaran: 'Registration',
    cetak_kartu: 'Card printing',
    konsultasi: 'Advice',
    klaim: 'Claims',
  },
};
