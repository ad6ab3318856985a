import type { Locale } from '@tryg/shared';
import { AccountsService } from '../../api/src/modules/accounts/accounts.service';
import { PasswordHasher } from '../../api/src/modules/auth/password-hasher';
import { WriteQueue } from '../../api/src/common/write-queue';
import { type Client, signIn, type TestApp } from './test-app';

export interface TestParticipant {
  client: Client;
  id: string;
  login: string;
  password: string;
}

let counter = 0;

/**
 * A participant account made directly through the app's services (no referral, no group) and
 * signed in: for suites about a participant's own data, where how they joined does not matter.
 */
export async function createParticipant(
  app: TestApp,
  options: { login?: string; password?: string; locale?: Locale } = {},
): Promise<TestParticipant> {
  const login = options.login ?? `p${Date.now().toString(36)}${(counter++).toString(36)}`;
  const password = options.password ?? `${login}-password-1`;
  // Hash outside the write queue (CONTRACT of WriteQueue: no slow work inside).
  const passwordHash = await app.app.get(PasswordHasher).hash(password);
  const accounts = app.app.get(AccountsService);
  const account = await app.app
    .get(WriteQueue)
    .run((manager) => accounts.createIn(manager, { login, role: 'participant', passwordHash, locale: options.locale }));
  const client = await signIn(app, login, password);
  return { client, id: account.id, login, password };
}
