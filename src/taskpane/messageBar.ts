/* global HTMLElement */
/**
 * One message at a time in a panel: what happened, the details (each problem on its own line, at most
 * MAX_DETAILS of them) and what to do next. Errors and warnings are announced at once (role "alert"),
 * info and success politely (role "status").
 */
import { el, replaceChildren, withIsolates } from "./dom";

export type MessageKind = "info" | "success" | "warning" | "error";

export interface Message {
  readonly kind: MessageKind;
  readonly title: string;
  readonly details?: readonly string[];
  /** What the user can do next. */
  readonly next?: string;
}

export interface MessageBar {
  readonly element: HTMLElement;
  show(message: Message): void;
  clear(): void;
  current(): Message | null;
}

export const MAX_DETAILS = 20;

// Plain symbols rather than Fabric's icon font: that font is fetched from a CDN, which an offline
// workbench or a locked-down network does not reach, and then every icon renders as an empty box.
const ICONS: Readonly<Record<MessageKind, string>> = {
  info: "\u2139",
  success: "\u2713",
  warning: "\u26A0",
  error: "\u2716",
};

const LABELS: Readonly<Record<MessageKind, string>> = {
  info: "Information",
  success: "Success",
  warning: "Warning",
  error: "Error",
};

/** The first MAX_DETAILS lines, then "and N more". */
export function cappedDetails(details: readonly string[], max = MAX_DETAILS): string[] {
  if (details.length <= max) return [...details];
  return [...details.slice(0, max), `and ${details.length - max} more`];
}

export function createMessageBar(label: string): MessageBar {
  const element = el("div", { class: "cp-messages", "data-messages": label });
  let current: Message | null = null;

  function clear(): void {
    current = null;
    replaceChildren(element, []);
  }

  function show(message: Message): void {
    current = message;
    const urgent = message.kind === "error" || message.kind === "warning";
    const details = cappedDetails(message.details ?? []);
    const dismiss = el(
      "button",
      {
        type: "button",
        class: "cp-dismiss",
        "aria-label": `Dismiss ${LABELS[message.kind].toLowerCase()} message`,
      },
      ["×"]
    );
    dismiss.addEventListener("click", clear);
    const bar = el(
      "div",
      {
        class: `ms-MessageBar ms-MessageBar--${message.kind} cp-message cp-message--${message.kind}`,
        role: urgent ? "alert" : "status",
        "data-kind": message.kind,
      },
      [
        el("div", { class: "ms-MessageBar-content" }, [
          el("div", { class: "ms-MessageBar-icon", "aria-hidden": "true" }, [
            el("span", { class: "cp-message-icon" }, [ICONS[message.kind]]),
          ]),
          el("div", { class: "ms-MessageBar-text" }, [
            el("span", { class: "cp-visually-hidden" }, [`${LABELS[message.kind]}: `]),
            // Library and user text in a message is marked with isolate(): each run becomes a <bdi>.
            el("strong", { class: "cp-message-title" }, withIsolates(message.title)),
            details.length > 0
              ? el(
                  "ul",
                  { class: "cp-message-details" },
                  details.map((line) => el("li", {}, withIsolates(line)))
                )
              : null,
            message.next ? el("p", { class: "cp-message-next" }, withIsolates(message.next)) : null,
          ]),
          dismiss,
        ]),
      ]
    );
    replaceChildren(element, [bar]);
  }

  return { element, show, clear, current: () => current };
}
