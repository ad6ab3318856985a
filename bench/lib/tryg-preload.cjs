// Preloaded into the Tryg server under benchmark (`node -r`); the app itself is unchanged.
'use strict';
const net = require('node:net');
const { performance } = require('node:perf_hooks');

// api/dist/main.js listens on every interface, but a benchmark must not open a port to the
// network: a `listen(port)` without a host is bound to 127.0.0.1 instead.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function loopbackListen(...args) {
  const [first, second] = args;
  if ((typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) && typeof second !== 'string') {
    args.splice(1, 0, '127.0.0.1');
  } else if (
    first &&
    typeof first === 'object' &&
    first.port !== undefined &&
    first.host === undefined &&
    first.path === undefined
  ) {
    args[0] = { ...first, host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};

// The benchmark asks over IPC how busy the event loop has been (it includes time blocked in
// synchronous SQLite commits, which CPU time does not show). The channel must not keep the app alive.
if (process.send) {
  process.channel.unref();
  process.on('message', (message) => {
    if (message === 'event-loop') process.send({ eventLoop: performance.eventLoopUtilization() });
    // The connections part: memory after a full collection (node started with --expose-gc).
    if (message === 'memory') {
      global.gc?.();
      process.send({ memory: process.memoryUsage() });
    }
  });
}

// With --cpu-prof (`npm run bench -- --profile=DIR`), the profile is written only on a normal exit,
// but Nest's shutdown hook ends by re-raising SIGTERM, which would kill the process without it.
// Once Nest has closed the app and re-raised, exit normally instead.
if (process.execArgv.some((arg) => arg.startsWith('--cpu-prof'))) {
  let signals = 0;
  process.on('SIGTERM', () => {
    if (++signals > 1) process.exit(0);
  });
}
