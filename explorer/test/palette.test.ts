import type { RelationKindInfo } from '../src/api/types';
import { RELATION_COLORS, RelationPalette, relationLabel } from '../src/graph/palette';
import { KINDS, PALETTE } from './support/fixtures';

// The legend and the drawing are made from the API's list of relation kinds (query relationKinds), here the server's
// own answer: no kind is listed by hand in the explorer.

describe('relation palette', () => {
  it('draws the kinds the API lists, coloured in its order, as they were drawn when the explorer kept its own list', () => {
    expect(PALETTE.entries().map(([kind]) => kind)).toEqual(KINDS.map((info) => info.kind));
    expect(PALETTE.entries().map(([, style]) => style.color)).toEqual(RELATION_COLORS.slice(0, KINDS.length));
    expect(PALETTE.style('INVESTED_IN')).toEqual({ label: 'Invested in', color: '#2e7d32', line: 'solid', directed: true, meaning: 'investor → investee', money: true });
    expect(PALETTE.style('SUPPLIES_COMPUTE')).toMatchObject({ label: 'Supplies compute', color: '#1565c0', directed: true, meaning: 'provider → customer', money: true });
    expect(PALETTE.style('COMPETES_WITH')).toMatchObject({ label: 'Competes with', color: '#c62828', line: 'dashed', directed: false, meaning: 'rivals in a market', money: false });
    expect(PALETTE.style('SUBSIDIARY_OF')).toMatchObject({ label: 'Subsidiary of', color: '#6a1b9a', meaning: 'subsidiary → parent', money: false });
    expect(PALETTE.style('ACQUIRED')).toMatchObject({ label: 'Acquired', color: '#8d6e63', meaning: 'acquirer → target', money: false });
  });

  it('gives a kind the API adds the next colour, its line from its symmetry, with no change in the explorer', () => {
    const added: RelationKindInfo = { kind: 'LICENSES_TO', description: 'licensor to licensee', symmetric: false, perPair: false, factType: 'Licence', carriesMoney: true, moneyFlow: null };
    const palette = new RelationPalette([...KINDS, added]);
    expect(palette.style('LICENSES_TO')).toEqual({ label: 'Licenses to', color: RELATION_COLORS[KINDS.length], line: 'solid', directed: true, meaning: 'licensor → licensee', money: false });
    expect(palette.style('INVESTED_IN')).toEqual(PALETTE.style('INVESTED_IN'));
  });

  it('draws a kind it was not told of grey rather than failing', () => {
    expect(new RelationPalette().style('SOMETHING_NEW')).toMatchObject({ label: 'Something new', color: '#9e9e9e' });
    expect(relationLabel('SUBSIDIARY_OF')).toBe('Subsidiary of');
  });
});
