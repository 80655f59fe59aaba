/** Stops the test database if global setup started it. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__TEST_DATABASE__?.stop?.();
}
