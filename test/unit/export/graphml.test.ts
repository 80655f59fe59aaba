import { graphmlEdge, graphmlEnd, graphmlNode, graphmlStart, type GraphmlKey } from '../../../src/export/formats/graphml';

const KEYS: GraphmlKey[] = [
  { id: 'n_name', for: 'node', name: 'name', type: 'string' },
  { id: 'e_amount', for: 'edge', name: 'amountUsd', type: 'double' },
];

describe('GraphML encoder', () => {
  it('opens a document in the GraphML namespace with its keys and a directed graph by default', () => {
    const start = graphmlStart(KEYS);
    expect(start.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"')).toBe(true);
    expect(start).toContain('<key id="n_name" for="node" attr.name="name" attr.type="string"/>');
    expect(start).toContain('<key id="e_amount" for="edge" attr.name="amountUsd" attr.type="double"/>');
    expect(start.trimEnd().endsWith('<graph id="G" edgedefault="directed">')).toBe(true);
    expect(graphmlStart([], false)).toContain('edgedefault="undirected"');
    expect(graphmlEnd()).toBe('  </graph>\n</graphml>\n');
  });

  it('writes nodes and edges with their data by key id, leaving out null and undefined', () => {
    expect(graphmlNode('openai', { n_name: 'OpenAI', n_country: null, n_x: undefined })).toBe('    <node id="openai"><data key="n_name">OpenAI</data></node>\n');
    expect(graphmlEdge('inv-1', 'microsoft', 'openai', { e_amount: 1e10, e_flag: false })).toBe(
      '    <edge id="inv-1" source="microsoft" target="openai"><data key="e_amount">10000000000</data><data key="e_flag">false</data></edge>\n',
    );
    expect(graphmlNode('x')).toBe('    <node id="x"></node>\n');
  });

  it('escapes markup in text and attributes, keeping line breaks in attributes as references', () => {
    expect(graphmlNode('a&b"<c>', { k: `Tom & Jerry's <b>"bold"</b>` })).toBe(
      '    <node id="a&amp;b&quot;&lt;c&gt;"><data key="k">Tom &amp; Jerry&apos;s &lt;b&gt;&quot;bold&quot;&lt;/b&gt;</data></node>\n',
    );
    expect(graphmlEdge('e', 's\nt', 't\tu', { k: 'one\r\ntwo\nthree' })).toBe(
      '    <edge id="e" source="s&#10;t" target="t&#9;u"><data key="k">one&#13;\ntwo\nthree</data></edge>\n',
    );
  });

  it('drops characters XML 1.0 cannot carry at all, keeping the rest of the text', () => {
    const text = 'a\u0000b\u0001c\u0008d\u000Be\u001Ff\uFFFEg\uFFFF h\uD800i\uDC00j';
    expect(graphmlNode('n\u0007', { k: text })).toBe('    <node id="n"><data key="k">abcdefg hij</data></node>\n');
    // Characters beyond the BMP (a surrogate pair) and tab are allowed.
    expect(graphmlNode('n', { k: 'emoji 🤖\tok' })).toBe('    <node id="n"><data key="k">emoji 🤖\tok</data></node>\n');
  });

  it('writes lists and maps as JSON text and booleans and numbers in their XML Schema spelling', () => {
    expect(graphmlNode('n', { l: ['a', 'b'], m: { on: '2024' }, b: true, i: 42 })).toBe(
      '    <node id="n"><data key="l">[&quot;a&quot;,&quot;b&quot;]</data><data key="m">{&quot;on&quot;:&quot;2024&quot;}</data><data key="b">true</data><data key="i">42</data></node>\n',
    );
  });
});
