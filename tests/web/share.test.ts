/** WhatsApp share texts say exactly what a place offers, and a visit's date (Indonesian texts from web/i18n/id). */
import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import finder from '../../web/i18n/id/finder.js';
import { placeShareText, visitShareText } from '../../web/features/finder/share.js';
import type { VisitOption } from '../../web/api/types.js';

let t: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'id', resources: { id: { finder } }, defaultNS: 'finder', interpolation: { escapeValue: false } });
  t = i18n.t;
});

const at: [number, number] = [115.341616, -8.516505];
const map = 'https://www.google.com/maps/search/?api=1&query=-8.516505,115.341616';

describe('share texts', () => {
  it('never calls an information-only village office a place to register', () => {
    expect(placeShareText(t, 'Kantor Perbekel Bunutin (Kec. Bangli)', { services: ['information'], accuracy: 'approximate' }, at)).toBe(
      `Kantor Perbekel Bunutin (Kec. Bangli) — layanan: Informasi; belum bisa mendaftar BPJS Ketenagakerjaan di sini (lokasi perkiraan). Peta: ${map}`,
    );
  });

  it('says registration, and what else, only for a place that registers', () => {
    expect(placeShareText(t, 'Loket Uji', { services: ['registration', 'card_printing'], accuracy: 'exact' }, at)).toBe(
      `Loket Uji — bisa mendaftar BPJS Ketenagakerjaan di sini; juga Cetak kartu. Peta: ${map}`,
    );
    expect(placeShareText(t, 'Pasar Uji', { services: [], accuracy: 'exact' }, at)).toBe(
      `Pasar Uji — layanan belum tercatat; belum bisa mendaftar BPJS Ketenagakerjaan di sini. Peta: ${map}`,
    );
  });

  it('shares a visit with its WITA date and time first', () => {
    const visit: VisitOption = {
      kind: 'visit', visit_id: 's3:2026-12-07', point_id: 14, name: 'Kantor Perbekel Bunutin', distance_m: 480,
      starts_at: '2026-12-07T09:00:00+08:00', ends_at: '2026-12-07T12:00:00+08:00', activities: ['pendaftaran'], village_code: '51.06.02.2001', position: at,
    };
    // 7 December 2026 is a Monday (Senin).
    expect(visitShareText(t, 'Kantor Perbekel Bunutin (Kec. Bangli)', visit, 'id')).toBe(
      `Petugas BPJS Ketenagakerjaan datang untuk pendaftaran: Senin, 7 Des, 09.00–12.00 WITA di Kantor Perbekel Bunutin (Kec. Bangli). Bawa KTP dan HP. Peta: ${map}`,
    );
  });
});
