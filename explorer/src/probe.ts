import type { GraphProbe } from './graph/graph-view';
import type { ViewState } from './state/url-state';

/** Read-only view of the drawing and the view state, for tests and for anyone inspecting the page. */
export interface ExplorerProbe extends GraphProbe {
  state(): ViewState;
}

declare global {
  interface Window {
    explorerProbe?: ExplorerProbe;
  }
}
