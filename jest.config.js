/**
 * Three test lanes, one jest project each (`npm test` runs all of them, in one shuffled order):
 * - unit: pure tests, no Java, no Neo4j, no browser (`npm run test:unit`, under a minute);
 * - int: tests that need Neo4j, after the global setup that finds or starts one (`npm run test:int`);
 * - browser: the explorer in headless Chromium against a real server over Neo4j (`npm run test:browser`).
 * A project's global setup runs only when a test of that project runs, so the unit lane never starts Neo4j.
 * The lanes and their files are listed in test/support/lanes.js; test/unit/test-lanes.test.ts checks that every test
 * file belongs to exactly one lane.
 */
const { LANES } = require('./test/support/lanes');

/** What every lane shares: how files are compiled and what each test file loads first. */
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  setupFiles: ['reflect-metadata'],
  testTimeout: 120000,
};

/** Finds or starts the suite's Neo4j once for the lanes that need it (the same module: jest runs it once). */
const neo4j = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

/** The folder a glob starts in ("test/unit/**\/*.test.ts": test/unit), where jest looks for the lane's files. */
const folderOf = (glob) => glob.split('/').filter((_, i, parts) => !parts.slice(0, i + 1).some((part) => part.includes('*'))).join('/');

const lane = (name, extra = {}) => ({
  ...common,
  ...extra,
  displayName: name,
  rootDir: __dirname,
  roots: [...new Set(LANES[name].map((glob) => `<rootDir>/${folderOf(glob)}`))],
  testMatch: LANES[name].map((glob) => `<rootDir>/${glob}`),
});

/** @type {import('jest').Config} */
module.exports = {
  projects: [lane('unit'), lane('int', neo4j), lane('browser', neo4j)],
  // Files run in an order shuffled by a printed seed (TEST_SHUFFLE_SEED replays it, "off" keeps jest's order), so a
  // test that only passes after another one fails early instead of on somebody's new machine. One order over every
  // lane that runs.
  testSequencer: '<rootDir>/test/support/shuffle-sequencer.js',
  testTimeout: 120000,
  // Integration tests share one database; the suite runs in band (npm test passes --runInBand).
  maxWorkers: 1,
};
