import type { GateEvent } from "../../api";

/** The gate's list of the day is read again this often (other gates, the cash desk). */
export const GATE_REFRESH_SECONDS = 5;

const TEXT_TYPES = new Set(["", "text", "search", "tel", "number", "email", "password", "url"]);

/**
 * Whether `element` takes typing: a text field that is neither read only nor
 * disabled, a text area, or editable content. Anything else (a button, a
 * read-only select, the page) hands the keyboard back to the scan field, so a
 * scan never goes astray.
 */
export function takesTyping(element: Element | null): boolean {
  if (element instanceof HTMLInputElement) {
    return TEXT_TYPES.has(element.type) && !element.readOnly && !element.disabled;
  }
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled;
  return element instanceof HTMLElement && element.isContentEditable;
}

/**
 * Whether typing in `element` stays there rather than going to the scan field:
 * a field that takes typing, except the filter of a closed drop-down (the
 * operator picker keeps the keyboard once a name is picked; the next scan must
 * not type into it, let alone pick someone with its Enter).
 */
export function keepsTyping(element: Element | null): boolean {
  return takesTyping(element) && element?.getAttribute("aria-expanded") !== "false";
}

/** How many cars came in and went out today, and how many were stopped. */
export function dayCounts(events: readonly GateEvent[]): { entries: number; exits: number; refused: number } {
  let entries = 0;
  let exits = 0;
  let refused = 0;
  for (const event of events) {
    if (event.direction === "entry") entries++;
    else if (event.allowed) exits++;
    else refused++;
  }
  return { entries, exits, refused };
}
