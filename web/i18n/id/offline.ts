/** Offline banner strings, Indonesian (source of truth). */
export default {
  banner: 'Offline — memakai data yang tersimpan di ponsel',
  bannerWithDate: 'Offline, data dari {{date}} WITA',
  hint: 'Jarak dihitung di ponsel Anda. Jam buka dan jadwal bisa sudah berubah.',
};
