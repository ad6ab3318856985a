import { Worker } from 'node:worker_threads';

export type HashingJob =
  | { op: 'hash'; password: string; options: { memoryCost: number; timeCost: number; parallelism: number } }
  | { op: 'verify'; hash: string; password: string };

/**
 * Each thread works through its own queue, one argon2 call at a time: the next hash starts as soon
 * as the last one ends, without waiting for the main thread (which may be busy committing a write).
 * With a semaphore on the main thread, a busy event loop left the hashing slot idle (logins ran at
 * ~0.7× the raw hash rate). The thread count caps how many hashes run (and how much memory they
 * take) at once.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const argon2 = require(workerData.argon2);
let queue = Promise.resolve();
parentPort.on('message', (job) => {
  queue = queue.then(async () => {
    try {
      const value = job.op === 'hash'
        ? await argon2.hash(job.password, { type: argon2.argon2id, ...job.options })
        : await argon2.verify(job.hash, job.password);
      parentPort.postMessage({ id: job.id, value });
    } catch (error) {
      parentPort.postMessage({ id: job.id, error: String((error && error.message) || error) });
    }
  });
});
`;

/** The thread a call ran on stopped before answering: says nothing about the password. */
export class HashingThreadLost extends Error {}

interface Thread {
  worker: Worker;
  outstanding: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
}

export class HashingThreads {
  private readonly threads: Thread[] = [];
  private nextId = 0;

  /** `argon2Module` is for tests (a stand-in that records how many calls overlap). */
  constructor(
    private readonly count: number,
    private readonly argon2Module = require.resolve('argon2'),
  ) {}

  /** Threads started so far (never more than the count). */
  get size(): number {
    return this.threads.length;
  }

  run(job: HashingJob): Promise<unknown> {
    const thread = this.leastBusy();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      thread.outstanding.set(id, { resolve, reject });
      thread.worker.postMessage({ id, ...job });
    });
  }

  async close(): Promise<void> {
    const threads = this.threads.splice(0);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private leastBusy(): Thread {
    if (this.threads.length < this.count) return this.start();
    return this.threads.reduce((best, t) => (t.outstanding.size < best.outstanding.size ? t : best));
  }

  private start(): Thread {
    const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { argon2: this.argon2Module } });
    // A thread must not keep a stopping process alive; close() ends them on shutdown.
    worker.unref();
    const thread: Thread = { worker, outstanding: new Map() };
    worker.on('message', (answer: { id: number; value?: unknown; error?: string }) => {
      const waiting = thread.outstanding.get(answer.id);
      thread.outstanding.delete(answer.id);
      if (answer.error !== undefined) waiting?.reject(new Error(answer.error));
      else waiting?.resolve(answer.value);
    });
    const lost = (error: Error) => {
      // A thread that died takes its queue with it: those calls fail, the next call starts a new thread.
      const index = this.threads.indexOf(thread);
      if (index >= 0) this.threads.splice(index, 1);
      for (const waiting of thread.outstanding.values()) waiting.reject(error);
      thread.outstanding.clear();
    };
    worker.on('error', (error) => lost(new HashingThreadLost(error.message)));
    worker.on('exit', () => lost(new HashingThreadLost('The hashing thread stopped.')));
    this.threads.push(thread);
    return thread;
  }
}
