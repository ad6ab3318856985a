// The logins benchmark's baseline, run as its own plain node process (no app, no HTTP, no database):
// argon2id verifications with the app's parameters, `concurrency` at once, for `seconds`.
// argv: memoryCost timeCost parallelism concurrency seconds → prints one JSON line
// { verifies, seconds, perSecond, cpuMsPerVerify } (CPU of every thread of this process).
import { performance } from 'node:perf_hooks';
import argon2 from 'argon2';

const [memoryCost, timeCost, parallelism, concurrency, seconds] = process.argv.slice(2).map(Number);
const options = { type: argon2.argon2id, memoryCost, timeCost, parallelism };
const password = 'raw-argon2-baseline-password';
const hash = await argon2.hash(password, options);
// One warm-up round so the first allocation of each thread is not measured.
await Promise.all(Array.from({ length: concurrency }, () => argon2.verify(hash, password)));

const cpu0 = process.cpuUsage();
const start = performance.now();
const until = start + seconds * 1000;
let verifies = 0;
const worker = async () => {
  while (performance.now() < until) {
    if (!(await argon2.verify(hash, password))) throw new Error('verify failed');
    verifies++;
  }
};
await Promise.all(Array.from({ length: concurrency }, worker));
const elapsed = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuMsPerVerify = (cpu.user + cpu.system) / 1000 / verifies;
process.stdout.write(
  `${JSON.stringify({ verifies, seconds: elapsed, perSecond: verifies / elapsed, cpuMsPerVerify })}\n`,
);
