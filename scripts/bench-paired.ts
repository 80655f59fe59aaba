import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { ANALYTICS_OPERATIONS, type GeneratedGraph } from './analytics-operations';
import { postGraphQL } from './bench/graphql-post';
import { OURS_NESTED } from './bench/nested-queries';
import { timePaired } from './bench/stats';
import { timeCompanyWritesVsPeer, timeWritesPaired } from './bench/writes';
import { ANCHOR, ANCHOR_FAR_ID, ANCHOR_LAB_ID } from '../src/synthetic/anchor-kit';

/**
 * `npm run bench:paired -- --a URL --b URL`: two servers over the same generated graph (say the previous commit and
 * this one, on the bench database), every growth-table request and the suite's nested list sent to each in turn
 * (A, B, A, B...), so the machine's drift lands on both sides of each ratio. Prints p50 and p90 per side and B/A.
 * `--writes N` adds the bench's writes table (each fact type's record, update and remove, N samples a side, fresh
 * companies per sample, with the round trips each made); `--only writes` runs only that. `--peer URL` (an
 * `@neo4j/graphql` peer server started with PEER_COMPANY_WRITES=1) adds the company writes B and the peer both state.
 */
const { values: args } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    bolt: { type: 'string', default: 'bolt://127.0.0.1:7691' },
    user: { type: 'string', default: 'neo4j' },
    password: { type: 'string', default: 'bench-password' },
    iterations: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '5' },
    only: { type: 'string', default: '' },
    writes: { type: 'string', default: '0' },
    key: { type: 'string', default: 'bench-writer-key' },
    peer: { type: 'string', default: '' },
  },
});

async function busiestInvestor(): Promise<string> {
  const driver = neo4j.driver(String(args.bolt), neo4j.auth.basic(String(args.user), String(args.password)));
  try {
    const { records } = await driver.executeQuery('MATCH (c:Company)-[e:INVESTED_IN]->() WITH c, count(e) AS made ORDER BY made DESC, c.id LIMIT 1 RETURN c.id AS id');
    return records[0]?.get('id') as string;
  } finally {
    await driver.close();
  }
}

async function main(): Promise<void> {
  if (!args.a || !args.b) throw new Error('usage: bench-paired --a URL --b URL [--iterations N] [--only name,name (a field name: all of its requests)]');
  const graph: GeneratedGraph = { anchorId: ANCHOR_LAB_ID, farId: ANCHOR_FAR_ID, market: ANCHOR.market, busiestInvestorId: await busiestInvestor() };
  // A name with a comma ('neighborhood(anchor, 2)') cannot be listed: its field's name ('neighborhood') picks all its requests.
  const only = new Set(String(args.only).split(',').filter(Boolean));
  const requests = [
    ...ANALYTICS_OPERATIONS.flatMap((operation) => operation.generated.map((request) => ({ name: request.name, query: request.query(graph) }))),
    { name: 'nestedList', query: OURS_NESTED },
  ].filter((request) => only.size === 0 || only.has(request.name) || only.has(request.name.split('(')[0] as string));
  const send = (url: string, query: string) => async () => {
    const { status, body } = await postGraphQL(url, query);
    if (status !== 200 || (body as { errors?: unknown }).errors) throw new Error(`${url}: ${status} ${JSON.stringify(body).slice(0, 300)}`);
  };
  console.log(`A ${args.a}\nB ${args.b}\n`);
  console.log(['request', 'A p50', 'B p50', 'B/A p50', 'A p90', 'B p90'].join('\t'));
  for (const { name, query } of requests) {
    const [a, b] = await timePaired(send(String(args.a), query), send(String(args.b), query), Number(args.warmup), Number(args.iterations));
    console.log([name, a.p50, b.p50, (b.p50 / a.p50).toFixed(2), a.p90, b.p90].join('\t'));
  }
  const writes = only.has('writes') ? Math.max(Number(args.writes), Number(args.iterations)) : Number(args.writes);
  if (writes > 0) {
    console.log(`\nwrites: ${writes} samples a side, the first of each left out\n${['mutation', 'A p50', 'B p50', 'B/A p50', 'A p90', 'B p90', 'round trips A/B'].join('\t')}`);
    for (const { mutation, a, b } of await timeWritesPaired(String(args.a), String(args.b), String(args.key), writes, `p${Date.now().toString(36)}`)) {
      console.log([mutation, a.latency.p50, b.latency.p50, (b.latency.p50 / a.latency.p50).toFixed(2), a.latency.p90, b.latency.p90, `${a.roundTrips}/${b.roundTrips}`].join('\t'));
    }
    if (args.peer) {
      console.log(`\nwrites the peer states too: B against @neo4j/graphql at ${args.peer}\n${['mutation', 'B p50', 'peer p50', 'peer/B p50', 'B p90', 'peer p90'].join('\t')}`);
      for (const { mutation, ours, peer } of await timeCompanyWritesVsPeer(String(args.b), String(args.peer), String(args.key), writes, `p${Date.now().toString(36)}`)) {
        console.log([mutation, ours.p50, peer.p50, (peer.p50 / ours.p50).toFixed(2), ours.p90, peer.p90].join('\t'));
      }
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
