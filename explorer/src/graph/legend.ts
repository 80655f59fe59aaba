import type { CompanyKind } from '../api/types';
import { el } from '../dom/el';
import { COMPANY_STYLES, MONEY_STYLE_LEGEND, type LineStyle, type MoneyStyle, type RelationPalette } from './palette';

const SVG = 'http://www.w3.org/2000/svg';

const DASHES: Readonly<Record<LineStyle, string>> = { solid: '', dashed: '6 4', dotted: '1.5 3' };

function lineSwatch(color: string, line: LineStyle, width: number, opacity = 1): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '34');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'line');
  for (const [name, value] of Object.entries({ x1: '2', y1: '6', x2: '32', y2: '6', stroke: color, 'stroke-width': String(width), 'stroke-opacity': String(opacity) })) {
    path.setAttribute(name, value);
  }
  if (DASHES[line]) path.setAttribute('stroke-dasharray', DASHES[line]);
  svg.append(path);
  return svg;
}

const MONEY_SWATCH: Readonly<Record<Exclude<MoneyStyle, 'none'>, () => SVGSVGElement>> = {
  headline: () => lineSwatch('#555', 'solid', 6),
  'ceiling-only': () => lineSwatch('#555', 'dotted', 1.5),
  'contract-only': () => lineSwatch('#555', 'solid', 4, 0.4),
  'stake-only': () => lineSwatch('#555', 'solid', 1.5),
  undisclosed: () => lineSwatch('#555', 'solid', 1.5),
};

/** The legend: every relation kind's colour and line (as the API lists the kinds), how money sets an edge's look, and company kinds. */
export function legend(palette: RelationPalette): HTMLElement {
  const relations = palette.entries().map(([kind, style]) =>
    el('li', { data: { relation: kind } }, lineSwatch(style.color, style.line, 3), ` ${style.label}`, el('small', {}, ` (${style.meaning})`)),
  );
  const money = MONEY_STYLE_LEGEND.filter((entry): entry is { style: Exclude<MoneyStyle, 'none'>; label: string } => entry.style !== 'none').map((entry) =>
    el('li', {}, MONEY_SWATCH[entry.style](), ` ${entry.label}`),
  );
  const companies = (Object.entries(COMPANY_STYLES) as [CompanyKind, (typeof COMPANY_STYLES)[CompanyKind]][]).map(([kind, style]) => {
    const dot = el('span', { className: 'dot' });
    dot.style.background = style.color;
    return el('li', { data: { company: kind } }, dot, ` ${style.label}`);
  });
  return el(
    'div',
    { className: 'legend', attrs: { 'aria-label': 'Legend' } },
    el('section', {}, el('h4', {}, 'Relations'), el('ul', {}, ...relations)),
    el('section', {}, el('h4', {}, 'Money on an edge'), el('ul', {}, ...money)),
    el(
      'section',
      {},
      el('h4', {}, 'Companies'),
      el('ul', { className: 'companies' }, ...companies),
      el('p', { className: 'hint' }, 'Thick ring: the centre; double ring: expanded; dashed ring: added from an analytics answer; orange: highlighted.'),
    ),
  );
}
