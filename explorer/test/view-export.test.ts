import { companiesCsv, exportFileName, pictureGraphml, relationsCsv } from '../src/export/view-export';
import { addFromAnalytics, emptyPicture, mergeSubgraph } from '../src/graph/picture';
import { company, edge, money, ref, subgraph } from './support/fixtures';

const picture = addFromAnalytics(
  mergeSubgraph(
    emptyPicture('anthropic'),
    subgraph(
      'anthropic',
      [company('anthropic'), company('amazon', 'BIG_TECH', 'Amazon, Inc. "AMZN"')],
      [
        edge('INVESTED_IN', 'amazon', 'anthropic', {
          label: 'invested $1.25B 2023-09-25',
          facts: 1,
          money: { ...money({ paidUsd: 1.25e9, ceilingUsd: 2.75e9 }), description: 'paid $1.25B of up to $4B' },
        }),
      ],
    ),
  ),
  [ref('microsoft', 'BIG_TECH')],
  [],
);

describe('view export', () => {
  it('writes companies as CSV rows, quoting what needs it', () => {
    const lines = companiesCsv(picture).split('\r\n');
    expect(lines[0]).toBe('id,name,kind,country,centre,origin');
    expect(lines).toContain('amazon,"Amazon, Inc. ""AMZN""",BIG_TECH,US,false,neighborhood');
    expect(lines).toContain('anthropic,Anthropic,AI_LAB,US,true,neighborhood');
    expect(lines).toContain('microsoft,Microsoft,BIG_TECH,,false,analytics');
    expect(lines).toHaveLength(5);
  });

  it('writes relations with every kind of money apart, the headline never counting the ceiling', () => {
    const [header, row] = relationsCsv(picture).split('\r\n');
    expect(header).toBe('id,from,to,kind,fromName,toName,label,headlineUsd,paidUsd,committedUsd,ceilingUsd,contractValueUsd,stakeValueUsd,undisclosedCount,money,facts,date,origin');
    expect(row).toBe('INVESTED_IN:amazon:anthropic,amazon,anthropic,INVESTED_IN,"Amazon, Inc. ""AMZN""",Anthropic,invested $1.25B 2023-09-25,1250000000,1250000000,0,2750000000,0,0,0,paid $1.25B of up to $4B,1,2023-09-25,neighborhood');
  });

  it('writes GraphML with typed keys, every company and relation, escaped', () => {
    const xml = pictureGraphml(picture);
    expect(xml).toContain('<key id="e_headlineUsd" for="edge" attr.name="headlineUsd" attr.type="double"/>');
    expect(xml).toContain('<key id="n_centre" for="node" attr.name="centre" attr.type="boolean"/>');
    expect(xml).not.toContain('fromName');
    expect(xml).toContain('<node id="amazon"><data key="n_name">Amazon, Inc. &quot;AMZN&quot;</data>');
    expect(xml).toContain('<edge id="INVESTED_IN:amazon:anthropic" source="amazon" target="anthropic"><data key="e_kind">INVESTED_IN</data>');
    expect(xml).toContain('<data key="e_ceilingUsd">2750000000</data>');
    expect(xml.match(/<node /g)).toHaveLength(3);
    expect(xml.match(/<edge /g)).toHaveLength(1);
    expect(xml.trimEnd().endsWith('</graphml>')).toBe(true);
  });

  it('names files after the view', () => {
    expect(exportFileName({ company: 'anthropic', depth: 2, asOf: '2023-12-31' }, 'relations', 'csv')).toBe('ai-industry-anthropic-depth2-2023-12-31-relations.csv');
    expect(exportFileName({ company: 'anthropic', depth: 1, asOf: null }, 'graph', 'graphml')).toBe('ai-industry-anthropic-depth1-today-graph.graphml');
  });
});
