import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/app.js';

const t = makeTestApp();

describe('GET /api/villages?geometry=simplified', () => {
  it('returns the same 72 villages with the same properties, in far fewer bytes', async () => {
    const fullRes = await t.app.request('/api/villages');
    const simpleRes = await t.app.request('/api/villages?geometry=simplified');
    const fullText = await fullRes.text();
    const simpleText = await simpleRes.text();
    const full = JSON.parse(fullText) as { features: { id: string; properties: unknown; geometry: { type: string } }[] };
    const simple = JSON.parse(simpleText) as typeof full;
    expect(simpleRes.status).toBe(200);
    expect(simple.features).toHaveLength(72);
    expect(simple.features.map((f) => [f.id, f.properties, f.geometry.type])).toEqual(full.features.map((f) => [f.id, f.properties, f.geometry.type]));
    expect(simpleText.length).toBeLessThan(fullText.length / 2);
  });

  it('rejects an unknown geometry option with a 400 naming the field', async () => {
    const res = await t.app.request('/api/villages?geometry=tiny');
    const body = (await res.json()) as { error: { field: string; message: string } };
    expect(res.status).toBe(400);
    expect(body.error.field).toBe('geometry');
    expect(body.error.message).toContain('full or simplified');
  });
});
