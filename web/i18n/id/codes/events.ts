/** Texts for the server's events codes (server/domain/codes/events.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  event_not_scheduled: 'Kegiatan ini tidak dijadwalkan (status: {{status}}), jadi belum bisa diikuti.',
  event_not_open_yet: 'Kegiatan belum dibuka. Halaman ini dibuka 2 jam sebelum acara mulai.',
  event_window_closed: 'Kegiatan sudah ditutup (24 jam setelah acara selesai). Terima kasih!',
  invalid_participant: 'Kode peserta di perangkat ini rusak. Muat ulang halaman.',
  unknown_question: 'Pertanyaan "{{question}}" tidak dikenal. Muat ulang halaman.',
  unknown_choice: 'Jawaban "{{choice}}" tidak ada untuk pertanyaan {{question}}.',
  consent_required: 'Centang persetujuan dulu agar kami boleh menghubungi Anda.',
  event_full: 'Kegiatan ini sudah penuh ({{max}} peserta).',
  too_many_answers: 'Terlalu banyak jawaban (paling banyak {{max}}).',
  invalid_question: 'Pertanyaan belum lengkap: perlu jawaban benar dan pilihan "Tidak tahu".',
} as Record<string, string>;
