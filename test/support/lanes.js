// The test lanes and the files each one runs (globs from the repository root). jest.config.js makes one jest project
// per lane; test/unit/test-lanes.test.ts checks that every test file belongs to exactly one of them.
/** @type {Readonly<Record<'unit' | 'int' | 'browser', readonly string[]>>} */
const LANES = Object.freeze({
  /** Pure: no Java, no Neo4j, no browser (npm run test:unit, under a minute). */
  unit: ['test/unit/**/*.test.ts', 'explorer/test/*.test.ts'],
  /** Needs Neo4j, found or started by test/support/global-setup.ts (npm run test:int). */
  int: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
  /** The explorer in headless Chromium against a real server over Neo4j (npm run test:browser). */
  browser: ['explorer/test/browser/**/*.test.ts'],
});

module.exports = { LANES };
