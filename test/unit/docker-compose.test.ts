import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { dockerEnvironment } from '../../src/platform/neo4j-server-settings';

// docker-compose.yml against the Compose Specification's JSON Schema (a copy under test/fixtures/compose-spec, see
// SOURCE.txt there), and the replicas profile's pieces against each other: the balancer's fixed address is the proxy
// the API trusts and lies outside the range Docker hands out, and nginx forwards to every API service.

const ROOT = path.join(__dirname, '..', '..');
const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
const { $schema: _metaSchema, ...schema } = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/compose-spec/compose-spec.json'), 'utf8'));

it('docker-compose.yml is a valid Compose file', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const valid = validate(compose);
  console.log(`docker-compose.yml against the compose-spec schema: ${valid ? 'valid' : JSON.stringify(validate.errors)}; services ${Object.keys(compose.services).join(', ')}`);
  expect(validate.errors ?? []).toEqual([]);
  // The schema must be able to fail: a service with an unknown key is refused.
  expect(validate({ services: { api: { image: 'x', replicaz: 2 } } })).toBe(false);
});

it('the replicas profile: the balancer is the trusted proxy, at an address Docker never hands out, in front of every API service', () => {
  const { services, networks } = compose;
  const balancerAddress = services.balancer.networks.graph.ipv4_address as string;
  for (const name of ['api', 'api-replica']) expect(services[name].environment.TRUSTED_PROXIES).toBe(balancerAddress);
  const [subnet] = networks.graph.ipam.config;
  expect(Number(balancerAddress.split('.')[3])).toBeLessThan(Number(subnet.ip_range.split('.')[3].split('/')[0]));
  expect(services['api-replica'].profiles).toEqual(['replicas']);
  expect(services['api-replica'].depends_on.api.condition).toBe('service_healthy');
  const nginx = fs.readFileSync(path.join(ROOT, services.balancer.volumes[0].split(':')[0]), 'utf8');
  expect(nginx).toMatch(/server api:4000;/);
  expect(nginx).toMatch(/server api-replica:4000;/);
  expect(nginx).toMatch(/X-Forwarded-For \$proxy_add_x_forwarded_for/);
});

it("the compose Neo4j carries every server setting the managed instance and testcontainers carry", () => {
  const expected = dockerEnvironment();
  expect(Object.keys(expected)).toContain('NEO4J_internal_cypher_use__parameter__size');
  for (const [name, value] of Object.entries(expected)) expect(String(compose.services.neo4j.environment[name])).toBe(value);
});
