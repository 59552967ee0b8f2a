/**
 * What a printed poster says, in Indonesian, as plain data (server/services/posters draws it with pdfkit).
 * Pure: dates come in as instants and are shown in WITA; facts (what to bring, the cost) come from the data
 * files, so a number changed in data/ changes every poster.
 */
import { balineseDay } from '../calendar/pawukon.js';
import { witaDate, witaMinuteOfDay } from '../schedule/wita.js';

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
/** Sunday first, as Date#getUTCDay counts. */
const WEEKDAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/** What the staff do at a visit, in words a farmer reads at a glance. */
const ACTIVITY_TEXT: Record<string, string> = {
  sosialisasi: 'Sosialisasi: penjelasan program perlindungan untuk pekerja mandiri',
  pendaftaran: 'Pendaftaran peserta baru (pekerja mandiri / Bukan Penerima Upah)',
  cetak_kartu: 'Cetak kartu peserta',
  konsultasi: 'Konsultasi dan tanya jawab',
  klaim: 'Bantuan pengajuan klaim',
};

/** The facts from data/registration_guide.json and data/bpjstk_bpu_contribution_rules.json that a poster uses. */
export interface PosterFacts {
  whatToBring: string[];
  /** Official online channels, e.g. "Aplikasi JMO (Jamsostek Mobile) di Play Store". */
  channels: string[];
  privacy: string | null;
  /** Lowest monthly contribution, JKK + JKM, in rupiah. */
  minMonthlyIdr: number;
  /** JKK + JKM + JHT at the lowest income, in rupiah (null when the data does not say). */
  withJhtMonthlyIdr: number | null;
}

/** One visit as a poster shows it. Instants are ISO 8601 with offset. */
export interface PosterVisit {
  startsAt: string;
  endsAt: string;
  title: string;
  activities: string[];
  placeName: string;
  address: string | null;
}

/** Where a place lies: its village and kecamatan (two villages in Bangli share a name). */
export interface PosterVillage {
  name: string;
  kind: 'desa' | 'kelurahan' | string;
  districtName: string;
}

export interface PosterSection {
  heading: string;
  lines: string[];
}

/** A poster's content, top to bottom; `qrUrl` is what the QR code opens. */
export interface PosterModel {
  kicker: string;
  title: string;
  /** Large lines: the date, the time, the Balinese day (a visit poster only). */
  when: { date: string; time: string; balinese: string } | null;
  place: string[];
  sections: PosterSection[];
  qrUrl: string;
  qrCaption: string;
}

/** Rupiah as Indonesians write it: 16800 → "Rp16.800". */
export function formatRupiah(idr: number): string {
  return `Rp${Math.round(idr).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

const two = (n: number) => String(n).padStart(2, '0');
/** Minutes past WITA midnight as "09.00" (Indonesian writes a dot between hours and minutes). */
const clock = (minute: number) => `${two(Math.floor(minute / 60))}.${two(minute % 60)}`;

/** A WITA civil date 'YYYY-MM-DD' in words: "Senin, 7 Desember 2026". */
export function indonesianDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${WEEKDAYS[weekday]}, ${d} ${MONTHS[m - 1]} ${y}`;
}

/** The Balinese day of a WITA date: "Soma Pon, wuku Gumbreg". */
export function balineseDayText(date: string): string {
  const b = balineseDay(date);
  return `${b.saptawara} ${b.pancawara}, wuku ${b.wuku}`;
}

/** A visit's date, time and Balinese day in WITA: {date: "Senin, 7 Desember 2026", time: "09.00–12.00 WITA", balinese}. */
export function visitWhen(startsAt: string, endsAt: string): { date: string; time: string; balinese: string } {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const day = witaDate(start);
  const endDay = witaDate(new Date(end.getTime() - 1));
  const time = endDay === day
    ? `${clock(witaMinuteOfDay(start))}–${clock(witaMinuteOfDay(end))} WITA`
    : `${clock(witaMinuteOfDay(start))} WITA sampai ${indonesianDate(witaDate(end))} ${clock(witaMinuteOfDay(end))} WITA`;
  return { date: indonesianDate(day), time, balinese: balineseDayText(day) };
}

/** "Desa Bunutin, Kecamatan Bangli": the kecamatan always, so the two Bunutins are never confused. */
export function villageLine(v: PosterVillage): string {
  return `${v.kind === 'kelurahan' ? 'Kelurahan' : 'Desa'} ${v.name}, Kecamatan ${v.districtName}`;
}

function costLines(f: PosterFacts): string[] {
  const lines = [`Mulai ${formatRupiah(f.minMonthlyIdr)} per bulan untuk JKK + JKM (Jaminan Kecelakaan Kerja dan Jaminan Kematian).`];
  if (f.withJhtMonthlyIdr !== null) lines.push(`Dengan tabungan hari tua (JHT, boleh dipilih): ${formatRupiah(f.withJhtMonthlyIdr)} per bulan pada penghasilan terendah.`);
  return lines;
}

function commonSections(f: PosterFacts): PosterSection[] {
  return [
    { heading: 'Yang perlu dibawa', lines: f.whatToBring },
    { heading: 'Biaya iuran', lines: costLines(f) },
  ];
}

/** The poster of one visit: date and Balinese day large, the place, what the staff do, what to bring, the cost. */
export function visitPoster(v: PosterVisit, village: PosterVillage | null, facts: PosterFacts, pageUrl: string): PosterModel {
  const activities = v.activities.map((a) => ACTIVITY_TEXT[a] ?? a);
  return {
    kicker: 'PENGUMUMAN UNTUK WARGA',
    title: 'Petugas BPJS Ketenagakerjaan datang ke desa Anda',
    when: visitWhen(v.startsAt, v.endsAt),
    // The address often repeats the village line; print it only when it adds something (a street, a banjar).
    place: [v.placeName, ...(village ? [villageLine(village)] : []), ...(v.address && !(village && v.address.includes(village.name)) ? [v.address] : [])],
    sections: [
      { heading: v.title ? `Kegiatan: ${v.title}` : 'Kegiatan', lines: activities },
      ...commonSections(facts),
      ...(facts.privacy ? [{ heading: 'Data pribadi', lines: [facts.privacy] }] : []),
    ],
    qrUrl: pageUrl,
    qrCaption: 'Pindai untuk info terbaru, petunjuk arah, dan bila jadwal berubah:',
  };
}

/** The poster of a village: its next public visits (or that none are scheduled), the online channels, what to bring, the cost. */
export function villagePoster(village: PosterVillage, visits: PosterVisit[], facts: PosterFacts, pageUrl: string): PosterModel {
  const visitLines = visits.map((v) => {
    const w = visitWhen(v.startsAt, v.endsAt);
    const what = v.activities.filter((a) => a === 'pendaftaran' || a === 'sosialisasi').join(', ') || v.activities.join(', ');
    return `${w.date}, ${w.time} (${w.balinese}) · ${v.placeName}${what ? ` · ${what}` : ''}`;
  });
  return {
    kicker: 'LAYANAN BPJS KETENAGAKERJAAN',
    title: 'Jaminan sosial untuk pekerja mandiri di desa Anda',
    when: null,
    place: [villageLine(village)],
    sections: [
      {
        heading: 'Kunjungan petugas berikutnya',
        lines: visitLines.length > 0 ? visitLines : ['Belum ada kunjungan petugas yang terjadwal. Anda tetap bisa mendaftar sendiri lewat HP:'],
      },
      { heading: 'Daftar sendiri lewat HP', lines: facts.channels },
      ...commonSections(facts),
    ],
    qrUrl: pageUrl,
    qrCaption: 'Pindai untuk jadwal terbaru dan tempat layanan terdekat:',
  };
}
