import * as argon2 from 'argon2';

type Argon2 = typeof argon2;
import { type AppConfig, TEST_PASSWORD_HASHING } from '../../config/app-config';
import { PasswordHasher, referenceEncoding } from './password-hasher';

jest.mock('argon2', () => {
  const actual = jest.requireActual<Argon2>('argon2');
  return { ...actual, hash: jest.fn(), verify: jest.fn() };
});

const hashMock = argon2.hash as unknown as jest.Mock<Promise<string>, [string, unknown]>;
const verifyMock = argon2.verify as unknown as jest.Mock<Promise<boolean>, [string, string]>;

/** Stands in for argon2: each call stays in flight until the test finishes it, and the peak is recorded. */
class InFlight {
  active = 0;
  peak = 0;
  started = 0;
  private readonly finishers: (() => void)[] = [];

  call<T>(value: T): Promise<T> {
    this.active++;
    this.started++;
    this.peak = Math.max(this.peak, this.active);
    return new Promise<T>((resolve) => {
      this.finishers.push(() => {
        this.active--;
        resolve(value);
      });
    });
  }

  /** Finishes the oldest call still running. */
  finishOne(): void {
    const finish = this.finishers.shift();
    if (!finish) throw new Error('nothing in flight');
    finish();
  }
}

function configWith(maxConcurrent: number): AppConfig {
  return { passwordHashing: { ...TEST_PASSWORD_HASHING, maxConcurrent } } as AppConfig;
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe(PasswordHasher.name, () => {
  let flight: InFlight;

  beforeEach(() => {
    flight = new InFlight();
    hashMock.mockReset().mockImplementation((password: string) => flight.call(`hash-of-${password}`));
    verifyMock
      .mockReset()
      .mockImplementation((hash: string, password: string) => flight.call(hash === `hash-of-${password}`));
  });

  it('runs at most maxConcurrent hashes and verifications at once; the rest wait their turn', async () => {
    const sut = new PasswordHasher(configWith(3));
    const results = [
      ...Array.from({ length: 6 }, (_, i) => sut.hash(`pw-${i}`)),
      ...Array.from({ length: 6 }, (_, i) => sut.verify(`hash-of-pw-${i}`, i % 2 ? 'wrong' : `pw-${i}`)),
    ];
    await flush();
    expect(flight.active).toBe(3);
    while (flight.started < 12 || flight.active > 0) {
      flight.finishOne();
      await flush();
      expect(flight.active).toBeLessThanOrEqual(3);
    }
    expect(flight.peak).toBe(3);
    expect(await Promise.all(results)).toEqual([
      ...Array.from({ length: 6 }, (_, i) => `hash-of-pw-${i}`),
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
  });

  it('does not let a newcomer take a slot already handed to a waiting call', async () => {
    const sut = new PasswordHasher(configWith(1));
    const first = sut.hash('first-pw');
    const waiting = sut.hash('waiting-pw');
    await flush();
    expect(flight.active).toBe(1);

    // A call arriving in the very tick the first one's slot is released.
    flight.finishOne();
    let newcomer: Promise<string> | undefined;
    queueMicrotask(() => {
      newcomer = sut.hash('newcomer-pw');
    });
    await flush();
    expect(flight.peak).toBe(1);
    while (flight.active > 0) {
      flight.finishOne();
      await flush();
      expect(flight.peak).toBe(1);
    }
    expect(await Promise.all([first, waiting, newcomer])).toEqual([
      'hash-of-first-pw',
      'hash-of-waiting-pw',
      'hash-of-newcomer-pw',
    ]);
  });

  it('frees the slot when argon2 fails, and answers false for an unreadable hash', async () => {
    const sut = new PasswordHasher(configWith(1));
    verifyMock.mockImplementationOnce(() => Promise.reject(new Error('pchstr must contain a $ as first char')));
    await expect(sut.verify('not-a-phc-string', 'pw')).resolves.toBe(false);
    const next = sut.hash('after-failure');
    await flush();
    expect(flight.active).toBe(1);
    flight.finishOne();
    await expect(next).resolves.toBe('hash-of-after-failure');
  });

  it('hashes with argon2id and the configured cost', async () => {
    const sut = new PasswordHasher({
      passwordHashing: { memoryCost: 19456, timeCost: 2, parallelism: 1, maxConcurrent: 2 },
    } as AppConfig);
    const hashed = sut.hash('some-password');
    await flush();
    flight.finishOne();
    await hashed;
    expect(hashMock).toHaveBeenCalledWith('some-password', {
      type: argon2.argon2id,
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    });
  });

  it('stores the reference parameter order m,t,p, which argon2 still verifies', async () => {
    const real = jest.requireActual<Argon2>('argon2');
    const encoded = await real.hash('a-password', {
      type: real.argon2id,
      memoryCost: 1024,
      timeCost: 2,
      parallelism: 1,
    });
    const stored = referenceEncoding(encoded);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=1024,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(stored.split('$').slice(4)).toEqual(encoded.split('$').slice(4));
    await expect(real.verify(stored, 'a-password')).resolves.toBe(true);
    await expect(real.verify(stored, 'another-password')).resolves.toBe(false);
    expect(referenceEncoding(stored)).toBe(stored);

    hashMock.mockImplementationOnce(() => Promise.resolve(encoded));
    await expect(new PasswordHasher(configWith(1)).hash('a-password')).resolves.toBe(stored);
  });
});
