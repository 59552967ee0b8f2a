import { beforeEach, describe, expect, it } from 'vitest';
import { jsonRequest, loginAs, makeTestApp, TEST_NOW, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp({ config: { trustProxy: true } });
});

/** A public report as a phone behind our proxy sends it (no cookie). */
function report(pointId: number, body: unknown, ip = '198.51.100.20') {
  const init = jsonRequest('POST', body);
  (init.headers as Record<string, string>)['X-Forwarded-For'] = ip;
  return t.app.request(`/api/points/${pointId}/reports`, init);
}

describe('"Info salah?" problem reports', () => {
  it('files an anonymous report, shows it in the staff queue, and resolving it is audited', async () => {
    const res = await report(1, { reason: 'closed', comment: 'Kantor pindah ke balai desa' });
    expect(res.status).toBe(201);
    const { report: filed } = await res.json();
    expect(filed).toEqual({ id: expect.any(Number), point_id: 1, reason: 'closed', status: 'open' });

    const staff = await loginAs(t, 'staff');
    const queue = await (await t.app.request('/api/reports?status=open', { headers: { Cookie: staff.cookie } })).json();
    expect(queue.reports).toHaveLength(1);
    expect(queue.reports[0]).toMatchObject({ id: filed.id, point_name: t.services.pointStore.get(1)!.name, comment: 'Kantor pindah ke balai desa', created_at: TEST_NOW.toISOString() });

    const resolved = await t.app.request(`/api/reports/${filed.id}/resolve`, jsonRequest('POST', { note: 'Titik dipindah' }, staff.cookie));
    expect(resolved.status).toBe(200);
    expect((await resolved.json()).report).toMatchObject({ status: 'resolved', handled_by_email: staff.email, handled_note: 'Titik dipindah' });
    expect((await (await t.app.request('/api/reports?status=open', { headers: { Cookie: staff.cookie } })).json()).reports).toEqual([]);
    expect((await t.app.request(`/api/reports/${filed.id}/dismiss`, jsonRequest('POST', {}, staff.cookie))).status).toBe(409);

    const admin = await loginAs(t, 'admin');
    const { entries } = await (await t.app.request(`/api/audit?entity=report&entity_id=${filed.id}`, { headers: { Cookie: admin.cookie } })).json();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'report_resolve', actor_email: staff.email, before: { status: 'open' }, after: { status: 'resolved' } });
  });

  it('dismisses a report', async () => {
    const { report: filed } = await (await report(2, { reason: 'other' })).json();
    const staff = await loginAs(t, 'staff');
    const res = await t.app.request(`/api/reports/${filed.id}/dismiss`, jsonRequest('POST', {}, staff.cookie));
    expect((await res.json()).report.status).toBe('dismissed');
    const all = await (await t.app.request('/api/reports?status=dismissed', { headers: { Cookie: staff.cookie } })).json();
    expect(all.reports.map((r: { id: number }) => r.id)).toEqual([filed.id]);
  });

  it('stores no personal data: only point, reason, comment and times', async () => {
    await report(1, { reason: 'wrong_phone' });
    const row = t.db.prepare('SELECT * FROM point_reports').get() as Record<string, unknown>;
    expect(Object.keys(row).sort()).toEqual(['comment', 'created_at', 'handled_at', 'handled_by', 'handled_note', 'id', 'point_id', 'reason', 'status']);
    expect(JSON.stringify(row)).not.toContain('198.51.100.20');
  });

  it('rejects bad reports naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ reason: 'ugly' }, 'reason'],
      [{}, 'reason'],
      [{ reason: 'other', comment: 'x'.repeat(501) }, 'comment'],
      [{ reason: 'other', name: 'Ketut', phone: '0812' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await report(1, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }
    expect((await report(999999, { reason: 'closed' })).status).toBe(404);
  });

  it('answers 429 with Retry-After after 5 reports in 10 minutes from one client, other clients unaffected', async () => {
    for (let i = 0; i < 5; i++) expect((await report(1 + i, { reason: 'closed' })).status).toBe(201);
    const limited = await report(7, { reason: 'closed' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await report(7, { reason: 'closed' }, '198.51.100.21')).status).toBe(201);
    t.setNow(new Date(TEST_NOW.getTime() + 10 * 60_000 + 1000));
    expect((await report(7, { reason: 'closed' })).status).toBe(201);
    expect(t.db.prepare('SELECT count(*) AS n FROM point_reports').get()).toEqual({ n: 7 });
  });
});
