/** Worker section "Kunjungan berikutnya di dekat Anda", Indonesian (source of truth). */
export default {
  title: 'Kunjungan berikutnya di dekat Anda',
  intro: 'Petugas BPJS Ketenagakerjaan datang ke pasar dan kantor desa. Daftar di tempat, bawa KTP.',
  near: 'Dalam {{km}} km dari {{place}}, {{days}} hari ke depan',
  choosePlace: 'Pilih desa atau lokasi Anda di atas untuk melihat kunjungan terdekat.',
  empty: 'Belum ada kunjungan terjadwal dalam {{km}} km dari {{place}} untuk {{days}} hari ke depan.',
  emptyHint: 'Anda tetap bisa mendaftar sendiri lewat aplikasi JMO atau di kantor BPJS Ketenagakerjaan terdekat.',
  loadError: 'Jadwal kunjungan belum bisa dimuat.',
  when: 'Waktu',
  time: '{{span}}',
  distance: '{{distance}} dari {{place}}',
  addToCalendar: 'Tambahkan ke kalender',
  activitiesLabel: 'Kegiatan',
  more: 'Tampilkan lebih banyak',
  status: { scheduled: 'Terjadwal', cancelled: 'Dibatalkan', draft: 'Rencana' },
  activity: {
    sosialisasi: 'Sosialisasi',
    pendaftaran: 'Pendaftaran',
    cetak_kartu: 'Cetak kartu',
    konsultasi: 'Konsultasi',
    klaim: 'Klaim',
  },
};
