/** One name for each place type and service, used on every screen; English, the same keys as i18n/id/vocab.ts. */
export default {
  types: {
    village_office: 'Village office',
    district_office: 'District office',
    market: 'Market',
    community_hall: 'Banjar hall',
    bpjs_office: 'BPJS Ketenagakerjaan office',
    service_partner: 'Service partner',
    other: 'Other place',
  },
  services: {
    registration: 'Registration',
    information: 'Information',
    card_printing: 'Card printing',
    claims: 'Claims',
    payment: 'Pay contributions',
  },
};
