/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/explorer/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  // Files run in an order shuffled by a printed seed (TEST_SHUFFLE_SEED replays it, "off" keeps jest's order), so a
  // test that only passes after another one fails early instead of on somebody's new machine.
  testSequencer: '<rootDir>/test/support/shuffle-sequencer.js',
  testTimeout: 120000,
  // Integration tests share one database; the suite runs in band (npm test passes --runInBand).
  maxWorkers: 1,
};
