import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { connectionNodeFields } from '../../../src/graphql/selection';

const schema = buildSchema(`
  type Company { id: ID! name: String }
  type Investment { id: ID! investor: Company amountUsd: Float }
  type Edge { cursor: String! node: Investment! }
  type Connection { edges: [Edge!]! nodes: [Investment!]! totalCount: Int! }
  type Query { investments: Connection! }
`);

/** The field names connectionNodeFields sees for the list field of a query. */
function seen(query: string): string[] {
  let names: string[] = [];
  execute({
    schema,
    document: parse(query),
    rootValue: {
      investments: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
        names = [...connectionNodeFields(info)].sort();
        return { edges: [], nodes: [], totalCount: 0 };
      },
    },
  });
  return names;
}

describe('connectionNodeFields', () => {
  it('reads the fields under nodes and under edges { node }', () => {
    expect(seen('{ investments { nodes { id } edges { cursor node { amountUsd } } } }')).toEqual(['amountUsd', 'id']);
  });

  it('follows inline and named fragments, at every level', () => {
    expect(seen('{ investments { ...Page } } fragment Page on Connection { edges { ... on Edge { node { ...Party } } } } fragment Party on Investment { investor { id } }')).toEqual(['investor']);
  });

  it('sees aliased fields by their names, and nothing when no node is selected', () => {
    expect(seen('{ investments { list: nodes { who: investor { id } } } }')).toEqual(['investor']);
    expect(seen('{ investments { totalCount } }')).toEqual([]);
  });
});
