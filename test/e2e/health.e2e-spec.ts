import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

describe('health and transport basics', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers /api/health with ok once the database is reachable', async () => {
    const res = await request(app.url).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers an unknown /api path with a JSON 404', async () => {
    const res = await request(app.url).get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
  });
});
