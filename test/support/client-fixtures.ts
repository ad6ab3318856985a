import { type Client, createStaff, type TestApp } from './test-app';

export interface Coordinator {
  client: Client;
  id: string;
  login: string;
  password: string;
  displayName: string;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A signed-in coordinator with a display name (what other coordinators see). */
export async function createCoordinator(app: TestApp, admin: Client, displayName?: string): Promise<Coordinator> {
  const name = displayName ?? unique('Koord ').slice(0, 32);
  const staff = await createStaff(app, admin, 'coordinator', unique('coord.'), undefined, name);
  return { ...staff, displayName: name };
}

/** A case opened by `coordinator` (its primary); fails the test with the answer if refused. */
export async function openCase(coordinator: Coordinator, body: Record<string, unknown> = {}): Promise<any> {
  const res = await coordinator.client.post('/clients', { reference: unique('Sag '), ...body });
  if (res.status !== 201) throw new Error(`opening a case failed: ${res.status} ${res.text}`);
  return res.body;
}

/** The audit trail of one type, newest first (admin). */
export async function auditOf(
  admin: Client,
  type: string,
): Promise<{ actorId: string | null; subjectId: string | null }[]> {
  const res = await admin.get(`/admin/audit?type=${encodeURIComponent(type)}`);
  if (res.status !== 200) throw new Error(`audit read failed: ${res.status}`);
  return res.body.items;
}

/**
 * Stops the app clock at `at` (it no longer runs with real time), so answers can be compared to
 * exact instants; `app.clock.set` and `advance` keep working and move the stopped clock.
 */
export function freezeClock(app: TestApp, at: Date): void {
  let frozen = at.getTime();
  app.clock.now = () => new Date(frozen);
  app.clock.nowMs = () => frozen;
  app.clock.set = (instant: Date) => {
    frozen = instant.getTime();
  };
  app.clock.advance = (ms: number) => {
    frozen += ms;
  };
}
