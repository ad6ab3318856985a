import { askServices } from './services';

export interface TestDatabase {
  /** `postgres://…/tryg_test_<random>`: empty, this suite's alone. */
  url: string;
  name: string;
  /** Drops it (the run's end drops what is left). */
  drop: () => Promise<void>;
}

/**
 * A fresh PostgreSQL database for one suite, on the run's throwaway PostgreSQL server (or on
 * the server TRYG_TEST_POSTGRES_URL names, unless TRYG_TEST_SERVICES=bundled).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { url, name } = await askServices<{ url: string; name: string }>('POST', '/postgres/databases');
  return { url, name, drop: async () => void (await askServices('DELETE', `/postgres/databases/${name}`)) };
}
