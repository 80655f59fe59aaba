import path from 'node:path';
import { exportArguments } from '../../../src/cli/export';
import { projectRoot } from '../../../src/platform/project-root';

describe('npm run export arguments', () => {
  it('takes a format, an as-of date at any precision, an output and a page size', () => {
    expect(exportArguments(['--format', 'graphml', '--as-of', '2024-03', '--out', 'x.graphml', '--page-size', '500'])).toEqual({
      format: 'graphml',
      asOf: { start: '2024-03-01', precision: 'MONTH' },
      out: 'x.graphml',
      pageSize: 500,
    });
  });

  it('writes under data/exports unless told, naming the date of an as-of export', () => {
    expect(exportArguments(['--format', 'json']).out).toBe(path.join(projectRoot(), 'data', 'exports', 'ai-industry-graph.json'));
    expect(exportArguments(['--format', 'csv', '--as-of', '2023']).out).toBe(path.join(projectRoot(), 'data', 'exports', 'ai-industry-graph-as-of-2023-csv'));
    expect(exportArguments(['--format=cypher', '--out', '-']).out).toBe('-');
  });

  it.each([
    [[], /--format is required/],
    [['--format', 'xml'], /--format must be one of json, csv, graphml, cypher, not "xml"/],
    [['--format', 'json', '--as-of', '2024-13-01'], /--as-of: .*month out of range/],
    [['--format', 'json', '--as-of', 'yesterday'], /--as-of: .*not an ISO-8601 date/],
    [['--format', 'json', '--page-size', '0'], /--page-size must be an integer from 1 to 50000/],
    [['--format', 'csv', '--out', '-'], /csv writes one file per section into a folder/],
    [['--format', 'json', '--out', ''], /--out needs a path/],
    [['--format', 'json', 'extra'], /Unexpected argument 'extra'/],
    [['--format', 'json', '--colour'], /Unknown option '--colour'/],
  ])('refuses %j with a message and the usage', (argv, message) => {
    expect(() => exportArguments(argv as string[])).toThrow(message);
    expect(() => exportArguments(argv as string[])).toThrow(/usage: npm run export -- --format json\|csv\|graphml\|cypher/);
  });
});
