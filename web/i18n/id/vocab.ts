/**
 * One name for each place type and service, used on every screen (finder, staff, coverage, planner, share texts),
 * Indonesian (source of truth). The keys are the API's values (server/domain/points/vocabulary.ts).
 */
export default {
  types: {
    village_office: 'Kantor desa/kelurahan',
    district_office: 'Kantor camat',
    market: 'Pasar',
    community_hall: 'Balai banjar',
    bpjs_office: 'Kantor BPJS Ketenagakerjaan',
    service_partner: 'Mitra layanan',
    other: 'Tempat lain',
  },
  services: {
    registration: 'Pendaftaran',
    information: 'Informasi',
    card_printing: 'Cetak kartu',
    claims: 'Klaim',
    payment: 'Bayar iuran',
  },
};
