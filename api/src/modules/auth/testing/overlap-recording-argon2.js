// A stand-in for argon2 inside a hashing thread: each answer says how many calls overlapped in
// this thread at most, so a test can see that a thread never runs two at once.
let active = 0;
let peak = 0;
exports.argon2id = 2;
exports.hash = async (password) => {
  // 'never' never answers: a test can lose the thread with the call surely still running.
  if (password === 'never') return new Promise(() => undefined);
  active++;
  peak = Math.max(peak, active);
  await new Promise((resolve) => setTimeout(resolve, 2));
  active--;
  return `hash-of-${password}|peak=${peak}`;
};
exports.verify = async (hash, password) => {
  if (!hash.startsWith('hash-of-')) throw new Error('pchstr must contain a $ as first char');
  return hash.startsWith(`hash-of-${password}|`);
};
