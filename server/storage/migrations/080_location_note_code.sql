-- Seeded location notes said in the reader's language (issue 13). The seed wrote one bilingual text,
-- "Indonesian / English", which workers read in both languages at once. A seeded note now carries a code the
-- web translates (finder:locationNote.<code>); location_note keeps the Indonesian text for staff and API users.
-- Only rows still holding the exact seeded text are changed: a note staff edited stays as they wrote it.
-- Any later edit of location_note clears the code (server/services/points.ts).
ALTER TABLE points ADD COLUMN location_note_code TEXT;

UPDATE points
SET location_note_code = 'seed_village_interior',
    location_note = 'Titik di tengah wilayah desa, bukan letak kantor yang sebenarnya.'
WHERE external_id LIKE 'seed:village-office:%'
  AND location_note = 'Titik di tengah wilayah desa, bukan letak kantor yang sebenarnya. / A point inside the village area, not the office itself.';

UPDATE points
SET location_note_code = 'seed_town_centre',
    location_note = 'Titik pusat kota Bangli (GeoNames), bukan gedung pasar.'
WHERE external_id LIKE 'seed:mkt-%'
  AND location_note = 'Titik pusat kota Bangli (GeoNames), bukan gedung pasar. / GeoNames point for Bangli town (CC BY 4.0) - town centre, NOT the market building.';
