/** Shared UI strings, Indonesian (source of truth). */
export default {
  appName: 'Jangkau',
  tagline: 'BPJS Ketenagakerjaan di Bangli',
  skipToContent: 'Langsung ke isi',
  language: 'Bahasa',
  nav: { finder: 'Cari tempat', visits: 'Kunjungan', planner: 'Perencana', coverage: 'Jangkauan', impact: 'Dampak', staff: 'Petugas', event: 'Acara' },
  loading: 'Memuat…',
  retry: 'Coba lagi',
  error: 'Terjadi kesalahan: {{message}}',
  offline: 'Offline — data dari {{date}}',
  close: 'Tutup',
  approximate: 'lokasi perkiraan',
  km: '{{value}} km',
  m: '{{value}} m',
  footer: { staff: 'Masuk petugas', planner: 'Perencana kunjungan', api: 'API terbuka', data: 'Data wilayah: Cahya DSN (MIT), GeoNames (CC BY 4.0). Jangkau tidak meminta NIK.' },
  notFound: 'Halaman tidak ditemukan.',
};
