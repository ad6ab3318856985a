import { join } from 'node:path';
import * as argon2 from 'argon2';
import { type AppConfig, TEST_PASSWORD_HASHING } from '../../config/app-config';
import { HashingThreadLost, HashingThreads } from './hashing-threads';
import { PasswordHasher, referenceEncoding } from './password-hasher';

const STAND_IN = join(__dirname, 'testing', 'overlap-recording-argon2.js');

function configWith(maxConcurrent: number): AppConfig {
  return { passwordHashing: { ...TEST_PASSWORD_HASHING, maxConcurrent } } as AppConfig;
}

describe(HashingThreads.name, () => {
  let threads: HashingThreads;
  afterEach(() => threads.close());

  it('runs at most `count` calls at once: that many threads, each one call at a time', async () => {
    threads = new HashingThreads(3, STAND_IN);
    const options = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
    const answers = (await Promise.all(Array.from({ length: 12 }, (_, i) => threads.run({ op: 'hash', password: `pw-${i}`, options })))) as string[];
    expect(threads.size).toBe(3);
    expect(answers.map((a) => a.split('|')[0])).toEqual(Array.from({ length: 12 }, (_, i) => `hash-of-pw-${i}`));
    // Every call saw at most itself running in its thread.
    expect(new Set(answers.map((a) => a.split('|')[1]))).toEqual(new Set(['peak=1']));
  });

  it('a failed call fails alone; the thread goes on with the next', async () => {
    threads = new HashingThreads(1, STAND_IN);
    await expect(threads.run({ op: 'verify', hash: 'not-a-phc-string', password: 'pw' })).rejects.toThrow('pchstr');
    await expect(threads.run({ op: 'verify', hash: 'hash-of-pw|peak=1', password: 'pw' })).resolves.toBe(true);
    expect(threads.size).toBe(1);
  });

  it('a thread that stops fails its waiting calls, and the next call starts a new thread', async () => {
    threads = new HashingThreads(1, STAND_IN);
    const options = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
    await threads.run({ op: 'hash', password: 'warm', options });
    const waiting = threads.run({ op: 'hash', password: 'never', options });
    await threads.close();
    await expect(waiting).rejects.toThrow();
    await expect(threads.run({ op: 'hash', password: 'again', options })).resolves.toMatch(/^hash-of-again\|/);
  });
  it('tells a call lost with its thread (HashingThreadLost) from a failed argon2 call, so a lost thread is never a wrong password', async () => {
    threads = new HashingThreads(1, STAND_IN);
    await expect(threads.run({ op: 'verify', hash: 'not-a-phc-string', password: 'pw' })).rejects.not.toBeInstanceOf(HashingThreadLost);
    const options = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
    await threads.run({ op: 'hash', password: 'warm', options });
    const waiting = threads.run({ op: 'hash', password: 'never', options });
    await threads.close();
    await expect(waiting).rejects.toBeInstanceOf(HashingThreadLost);
  });
});

describe(PasswordHasher.name, () => {
  const hashers: PasswordHasher[] = [];
  const hasher = (config: AppConfig) => {
    const made = new PasswordHasher(config);
    hashers.push(made);
    return made;
  };
  afterAll(() => Promise.all(hashers.map((h) => h.onApplicationShutdown())));

  it('hashes with argon2id and the configured cost, in the reference parameter order m,t,p', async () => {
    const sut = hasher({ passwordHashing: { memoryCost: 19456, timeCost: 2, parallelism: 1, maxConcurrent: 2 } } as AppConfig);
    const stored = await sut.hash('some-password');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    await expect(argon2.verify(stored, 'some-password')).resolves.toBe(true);
  });

  it('verifies: true for the password, false for another, false for an unreadable hash', async () => {
    const sut = hasher(configWith(2));
    const stored = await sut.hash('a-password');
    await expect(sut.verify(stored, 'a-password')).resolves.toBe(true);
    await expect(sut.verify(stored, 'another-password')).resolves.toBe(false);
    await expect(sut.verify('not-a-phc-string', 'a-password')).resolves.toBe(false);
    await expect(sut.verifyNothing('a-password')).resolves.toBe(false);
  });

  it('referenceEncoding reorders m,p,t to m,t,p and keeps salt and hash; argon2 still verifies it', async () => {
    const encoded = await argon2.hash('a-password', { type: argon2.argon2id, memoryCost: 1024, timeCost: 2, parallelism: 1 });
    const stored = referenceEncoding(encoded);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=1024,t=2,p=1\$/);
    expect(stored.split('$').slice(4)).toEqual(encoded.split('$').slice(4));
    await expect(argon2.verify(stored, 'a-password')).resolves.toBe(true);
    expect(referenceEncoding(stored)).toBe(stored);
  });
});
