// A small element builder: the page is plain DOM, and text always goes in as text (never parsed as HTML).

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  className?: string;
  title?: string;
  /** data-* attributes. */
  data?: Record<string, string>;
  attrs?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.title) element.title = props.title;
  for (const [key, value] of Object.entries(props.data ?? {})) element.dataset[key] = value;
  for (const [key, value] of Object.entries(props.attrs ?? {})) element.setAttribute(key, value);
  for (const [type, listener] of Object.entries(props.on ?? {})) element.addEventListener(type, listener as EventListener);
  append(element, children);
  return element;
}

export function append(parent: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's content. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A link that opens outside the page: sources are other sites, opened only when the reader clicks. */
export function externalLink(href: string, text: string): HTMLAnchorElement {
  const safe = /^https?:\/\//i.test(href) ? href : '#';
  return el('a', { attrs: { href: safe, target: '_blank', rel: 'noopener noreferrer' } }, text);
}
