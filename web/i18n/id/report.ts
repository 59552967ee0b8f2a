/** The public "Info salah?" report dialog, Indonesian (source of truth). */
export default {
  button: 'Info salah?',
  title: 'Ada yang salah tentang {{name}}?',
  what: 'Apa yang salah?',
  reasons: { closed: 'Tempat tutup', wrong_location: 'Lokasi salah', wrong_phone: 'Nomor telepon salah', other: 'Lainnya' },
  comment: 'Keterangan (boleh dikosongkan)',
  privacy: 'Tidak perlu menulis nama atau nomor Anda.',
  send: 'Kirim laporan',
  sending: 'Mengirim…',
  cancel: 'Batal',
  close: 'Tutup',
  thanksTitle: 'Terima kasih',
  thanks: 'Laporan Anda diterima. Petugas akan memeriksanya.',
  failed: 'Laporan belum terkirim.',
};
