import type { WorkOrderLine } from "../../api";

/** The core lists this many work orders at most, newest first. */
export const LIST_LIMIT = 500;

/** Text compared without case, spaces or the plate's middle dot: `a7y321` finds 京A·7Y321. */
function key(text: string): string {
  return text.replace(/[\s·•.\-]/g, "").toUpperCase();
}

/**
 * Whether a line shows what was typed into the list's filter: part of the
 * plate (with or without the province), the work order number, the customer,
 * the model or the advisor. An empty filter keeps every line.
 */
export function matchesFilter(line: WorkOrderLine, typed: string): boolean {
  const wanted = key(typed);
  if (!wanted) return true;
  return [line.plate, line.number, line.customerName, line.model, line.advisorName].some((field) => key(field).includes(wanted));
}

/** Team and bay as one cell: `机电一组 / 3号工位`, either alone, or "" when neither is set. */
export function teamBay(line: Pick<WorkOrderLine, "team" | "bay">): string {
  return [line.team.trim(), line.bay.trim()].filter(Boolean).join(" / ");
}
