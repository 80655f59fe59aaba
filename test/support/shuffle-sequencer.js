// Runs the test files in an order shuffled by a seed, so a suite that passes only after (or before) another one
// shows up as a failure instead of as luck. The seed comes from TEST_SHUFFLE_SEED (replay a failing order) or is
// drawn at random, and is printed either way. TEST_SHUFFLE_SEED=off keeps jest's own order.
const Sequencer = require('@jest/test-sequencer').default;
const { xoroshiro128plus } = require('pure-rand/generator/xoroshiro128plus');
const { uniformInt } = require('pure-rand/distribution/uniformInt');

/** The seed to shuffle with: the environment's, or a fresh 31-bit one. */
function chooseSeed() {
  const given = process.env.TEST_SHUFFLE_SEED;
  if (given === undefined || given === '') return Math.floor(Math.random() * 0x7fffffff);
  if (given === 'off') return null;
  const seed = Number(given);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`TEST_SHUFFLE_SEED must be an integer 0-4294967295 or "off", got "${given}"`);
  return seed;
}

/** Fisher-Yates over a copy, with pure-rand's xoroshiro128+ so a seed gives the same order on every machine. */
function shuffled(items, seed) {
  const rng = xoroshiro128plus(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

class ShuffleSequencer extends Sequencer {
  sort(tests) {
    const seed = chooseSeed();
    if (seed === null) return super.sort(tests);
    // Paths are sorted first so the order depends on the seed alone, not on the file system or jest's timing cache.
    const order = shuffled([...tests].sort((a, b) => a.path.localeCompare(b.path)), seed);
    process.stderr.write(`test order shuffled with TEST_SHUFFLE_SEED=${seed} (${order.length} files); replay with TEST_SHUFFLE_SEED=${seed} npm test\n`);
    return order;
  }
}

module.exports = ShuffleSequencer;
