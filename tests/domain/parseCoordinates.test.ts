import { describe, expect, it } from 'vitest';
import { parseCoordinates } from '../../server/domain/geo/parseCoordinates.js';

/** What staff type or paste, and the [lng, lat] they mean (read off each text by hand). */
const CASES: [string, [number, number] | null][] = [
  ['-8.4512, 115.3541', [115.3541, -8.4512]],
  ['-8.4512,115.3541', [115.3541, -8.4512]],
  ['  -8.4512 115.3541 ', [115.3541, -8.4512]],
  ['https://maps.google.com/?q=-8.4512,115.3541', [115.3541, -8.4512]],
  ['https://www.google.com/maps?q=-8.4512,115.3541&z=17', [115.3541, -8.4512]],
  ['https://maps.google.com/maps?q=loc:-8.4512,115.3541', [115.3541, -8.4512]],
  ['geo:-8.4512,115.3541', [115.3541, -8.4512]],
  ['geo:-8.4512,115.3541?q=-8.4512,115.3541(Balai%20Banjar)', [115.3541, -8.4512]],
  ['https://www.google.com/maps/place/Balai+Banjar/@-8.4512,115.3541,17z/data=!3m1', [115.3541, -8.4512]],
  ['https://www.google.com/maps/@-8.4512,115.3541,17z', [115.3541, -8.4512]],
  ['https://www.google.com/maps/search/?api=1&query=-8.4512,115.3541', [115.3541, -8.4512]],
  ['https://www.openstreetmap.org/?mlat=-8.4512&mlon=115.3541#map=17/-8.4512/115.3541', [115.3541, -8.4512]],
  ['https://www.openstreetmap.org/#map=17/-8.4512/115.3541', [115.3541, -8.4512]],
  ['Lokasi balai: https://maps.google.com/?q=-8.4512,115.3541 (pintu timur)', [115.3541, -8.4512]],
  ['https://maps.google.com/?q=-8.4512%2C115.3541', [115.3541, -8.4512]],
  // Not a position:
  ['', null],
  ['Balai Banjar Kawan', null],
  ['-95.1, 115.3', null],
  ['-8.45, 190', null],
  ['-8,4512 115,3541', null],
  ['https://maps.app.goo.gl/AbCdEf123', null], // a short link must be opened first: it holds no coordinates
  ['https://maps.google.com/?q=Bangli', null],
  ['x'.repeat(3000), null],
];

describe('parseCoordinates', () => {
  it.each(CASES)('reads %j as %j', (text, expected) => {
    expect(parseCoordinates(text)).toEqual(expected);
  });
});
