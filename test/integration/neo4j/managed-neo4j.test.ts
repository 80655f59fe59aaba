import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config';
import { ManagedNeo4j, portAnswers } from '../../../src/managed-neo4j/managed-neo4j';
import { testInstance } from '../../../src/managed-neo4j/instances';

const strategy = () => globalThis.__TEST_DATABASE__?.strategy ?? (process.env.NEO4J_TEST_URI?.includes(':7688') ? 'managed' : 'other');

describe('ManagedNeo4j', () => {
  const config = loadConfig({ NEO4J_URI: '' });

  it('start on a running instance is harmless and reports it was already running', async () => {
    const instance = testInstance(config);
    if (!instance.status().running) {
      // The suite reaches its database another way (NEO4J_URI or Docker); nothing of ours is running to re-start.
      expect(strategy()).not.toBe('managed');
      return;
    }
    const before = instance.status().pid;
    await expect(instance.start()).resolves.toEqual({ started: false, uri: instance.uri });
    expect(instance.status()).toMatchObject({ running: true, pid: before });
    expect(await portAnswers(Number(new URL(instance.uri.replace('bolt', 'http')).port))).toBe(true);
  });

  it('stop on an instance that is not running is harmless', async () => {
    const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-stopped-'));
    const instance = new ManagedNeo4j({ ...config.managed, baseDir }, { name: 'never-started', boltPort: 7699, user: 'neo4j', password: 'x', heapSize: '256m', pageCacheSize: '64m' });
    await expect(instance.stop()).resolves.toEqual({ stopped: false });
    expect(instance.status().running).toBe(false);
  });

  it('refuses a Bolt port another process holds, with a message naming the port and the setting', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-port-'));
    const instance = new ManagedNeo4j({ ...config.managed, baseDir }, { name: 'blocked', boltPort: port, user: 'neo4j', password: 'x', heapSize: '256m', pageCacheSize: '64m' });
    try {
      await expect(instance.start()).rejects.toThrow(new RegExp(`Bolt port ${port} on 127.0.0.1 is already in use.*NEO4J_LOCAL_BOLT_PORT`));
      expect(fs.existsSync(path.join(instance.dir, 'run', 'neo4j.pid'))).toBe(false);
    } finally {
      blocker.close();
    }
  });
});
