import { explain, operators, type Plan } from '../../support/plan';
import { useSeededTestApp } from '../../support/test-app';

const name = (plan: Plan) => plan.operatorType.replace(/@.*/, '');

const PARAMS = { kinds: ['AI_LAB', 'CLOUD'], country: null, namePrefix: null, foundedFrom: null, foundedTo: null, skip: 0, limit: 20 };

// A page of one kind's companies must cost the page, not the graph: each kind is read from its composite index in
// the order of the page and cut there, and only the merge of the kinds' pages is sorted.
describe('company list statements filtered by kinds', () => {
    // Plans depend on statistics: on an empty database every scan looks free, so plan on the seed data.
  const app = useSeededTestApp();

  it.each([
    // Ids are unique, so index order is the page order: a plain Limit cuts each kind.
    ['company/list-companies-of-kinds-by-id', /Company\(kind, id\)/, ['Top']],
    // Names are not: a PartialTop orders companies of equal name by id as they stream past, still in index order.
    ['company/list-companies-of-kinds-by-name', /Company\(kind, nameLower\)/, ['Top', 'PartialTop']],
  ])('%s seeks the composite index in order and sorts only the merged pages', async (statement, index, sorts) => {
    const plan = operators(await explain(app(), statement, PARAMS));
    const seeks = plan.filter((op) => name(op) === 'NodeIndexSeek').map((op) => String(op.arguments.Details));
    expect(seeks).toEqual([expect.stringMatching(index)]);
    expect(plan.filter((op) => /Scan$/.test(name(op)))).toEqual([]);
    // One Top for the merge of the kinds' pages; never a Sort of every company of a kind.
    expect(plan.map(name).filter((op) => /^(Sort|Top|PartialSort|PartialTop)$/.test(op))).toEqual(sorts);
  });
});
