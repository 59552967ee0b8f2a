/** Texts for the server's outcomes codes (server/domain/codes/outcomes.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  registrations_exceed_attendees: 'Pendaftaran baru ({{registrations}}) tidak boleh lebih dari jumlah peserta hadir ({{attendees}}). Perbaiki salah satunya.',
  respondents_exceed_attendees: 'Responden ({{respondents}}) tidak boleh lebih dari jumlah peserta hadir ({{attendees}}).',
  feedback_score_unknown: 'Nilai umpan balik hanya 1 sampai 5 (tertulis: {{got}}).',
  visit_not_started: 'Kunjungan ini baru mulai {{starts_at, day}} WITA. Catat hasilnya setelah kunjungan dimulai.',
  visit_not_scheduled: 'Hanya kunjungan terjadwal yang sudah berlangsung bisa dicatat hasilnya.',
  visit_is_series: 'Ini seluruh seri. Catat hasil untuk satu tanggal kunjungan.',
  outcome_not_found: 'Hasil kunjungan ini belum dicatat.',
} as Record<string, string>;
