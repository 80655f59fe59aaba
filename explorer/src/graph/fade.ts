import type { StylesheetJsonBlock } from 'cytoscape';

/** How long a company or relation takes to fade in or out, or to change colour or width, between two pictures. */
export const FADE_MS = 450;

/**
 * Style rules after the stylesheet's: every change of opacity, width or colour is a transition (a relation's money,
 * its status, a highlight), a newcomer starts transparent (`entering`, removed once it is drawn) and a company or
 * relation no longer in the picture goes transparent (`leaving`) before it is removed. Stepping through time then
 * reads as facts appearing, changing and ending rather than as a new picture.
 */
export const FADE_STYLES: StylesheetJsonBlock[] = [
  {
    selector: 'node, edge',
    style: {
      'transition-property': 'opacity, text-opacity, width, line-color, target-arrow-color, background-color, border-color',
      'transition-duration': FADE_MS,
    },
  },
  { selector: '.entering, .leaving', style: { opacity: 0, 'text-opacity': 0 } },
  { selector: '.leaving', style: { events: 'no' } },
];
