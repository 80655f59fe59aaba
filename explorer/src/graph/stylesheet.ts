import type { StylesheetJson, StylesheetJsonBlock } from 'cytoscape';
import { HIGHLIGHT_COLOR, type RelationPalette } from './palette';

/** The graph's cytoscape stylesheet, derived from the palette (the legend reads the same palette). */
export function graphStylesheet(palette: RelationPalette): StylesheetJson {
  const relationRules = palette.entries().map(
    ([kind, style]): StylesheetJsonBlock => ({
      selector: `edge.relation-${kind}`,
      style: {
        'line-style': style.line,
        'target-arrow-shape': style.directed ? 'triangle' : 'none',
      },
    }),
  );
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        label: 'data(label)',
        'font-size': 12,
        'font-family': 'system-ui, sans-serif',
        color: '#1a1a1a',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        // Labels too small to read are not drawn: a large picture fitted to the screen stays legible and quick.
        'min-zoomed-font-size': 5,
        width: 26,
        height: 26,
        'border-width': 1,
        'border-color': '#546e7a',
      },
    },
    { selector: 'node.center', style: { width: 42, height: 42, 'border-width': 4, 'border-color': '#263238', 'font-weight': 'bold', 'font-size': 13 } },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-style': 'double', 'border-color': '#263238' } },
    { selector: 'node.from-analytics', style: { 'border-style': 'dashed' } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': 'data(color)',
        'target-arrow-color': 'data(color)',
        'curve-style': 'bezier',
        'arrow-scale': 0.9,
        opacity: 0.8,
        'font-size': 10,
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
      },
    },
    ...relationRules,
    { selector: 'edge.money-ceiling-only', style: { 'line-style': 'dotted', width: 1.5 } },
    { selector: 'edge.money-contract-only', style: { opacity: 0.4 } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.3 } },
    { selector: 'node.highlighted', style: { 'border-color': HIGHLIGHT_COLOR, 'border-width': 5, opacity: 1, 'text-opacity': 1, 'z-index': 10 } },
    {
      selector: 'edge.highlighted',
      style: { 'line-color': HIGHLIGHT_COLOR, 'target-arrow-color': HIGHLIGHT_COLOR, opacity: 1, label: 'data(label)', 'z-index': 10, 'text-opacity': 1 },
    },
    { selector: 'edge:selected', style: { label: 'data(label)', opacity: 1, 'overlay-opacity': 0.15, 'overlay-color': '#000000' } },
    { selector: 'node:selected', style: { 'overlay-opacity': 0.15, 'overlay-color': '#000000' } },
  ];
}
