/* global document, Element, HTMLElement, Node, HTMLElementTagNameMap */
/**
 * The sidebar's only way to make DOM: elements with attributes and children, where every string
 * becomes a text node. Library and user text therefore never goes through an HTML parser.
 */
import { FSI, ISOLATE_MARKS, PDI, isolate } from "../model/library/isolate";

// The sidebar marks text with isolate() as the Excel layer does; one definition for both.
export { isolate };

export type Child = Node | string | number | null | undefined | false;
export type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Readonly<Record<string, AttrValue>>;

/** Sets (or, for false/null/undefined, removes) an attribute. Event-handler attributes are refused. */
export function setAttr(node: Element, name: string, value: AttrValue): void {
  if (/^on/i.test(name)) {
    throw new Error(`Refusing to set the event-handler attribute "${name}"; use addEventListener.`);
  }
  if (value === false || value === null || value === undefined) node.removeAttribute(name);
  else node.setAttribute(name, value === true ? "" : String(value));
}

/** Appends children in order; strings and numbers become text nodes, empty values are skipped. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child))
        : child
    );
  }
}

/** `el("button", { class: "ms-Button", type: "button" }, ["Insert template"])` */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  children: readonly Child[] = []
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) setAttr(node, name, value);
  append(node, children);
  return node;
}

/**
 * Library text (names, sources, publishers, file names) as an isolated run: a <bdi> takes its direction
 * from its own first strong character and cannot reorder the label, number or punctuation around it,
 * so a Hebrew or Arabic name displays correctly and a name ending in digits stays apart from a
 * following version. (Bidi control characters are refused by the schema; this is the rendering side.)
 */
export function bidi(text: string): HTMLElement {
  return el("bdi", { dir: "auto" }, [text]);
}

/** A message string as children: its isolate() runs become <bdi dir="auto">, the rest plain text. */
export function withIsolates(message: string): Child[] {
  const children: Child[] = [];
  let at = 0;
  while (at < message.length) {
    const open = message.indexOf(FSI, at);
    const close = open < 0 ? -1 : message.indexOf(PDI, open + 1);
    if (open < 0 || close < 0) {
      children.push(message.slice(at).replace(ISOLATE_MARKS, ""));
      break;
    }
    if (open > at) children.push(message.slice(at, open));
    children.push(bidi(message.slice(open + 1, close)));
    at = close + 1;
  }
  return children.filter((child) => child !== "");
}

/** Sets a node's content to a message string (see withIsolates()): the textContent that keeps isolation. */
export function setText(node: Node, message: string): void {
  replaceChildren(node, withIsolates(message));
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Node, children: readonly Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

let idCounter = 0;

/** A document-unique id for label/aria wiring (never derived from library text). */
export function uniqueId(prefix: string): string {
  idCounter += 1;
  return `cp-${prefix}-${idCounter}`;
}
