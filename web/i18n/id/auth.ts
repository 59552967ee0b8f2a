/** Login for staff pages (shared LoginGate), Indonesian (source of truth). */
export default {
  title: 'Masuk petugas',
  intro: 'Halaman ini untuk petugas dan perencana. Masuk dengan akun Anda.',
  email: 'Email',
  password: 'Kata sandi',
  submit: 'Masuk',
  submitting: 'Sedang masuk…',
  wrong: 'Email atau kata sandi salah.',
  tooMany: 'Terlalu banyak percobaan. Tunggu beberapa menit lalu coba lagi.',
  invalid: 'Isian belum benar: {{message}}',
  noAccess: 'Akun {{email}} ({{role}}) tidak punya akses ke halaman ini.',
  signedInAs: 'Masuk sebagai {{email}}',
  logout: 'Keluar',
  role: { admin: 'admin', staff: 'petugas', planner: 'perencana' },
};
