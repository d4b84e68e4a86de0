import type { LocationQuery, RouteLocationRaw } from "vue-router";

/**
 * What the customers page keeps in its address: the search (`q`) or the lists
 * (`view`). A file opened from there carries them, so that its back link
 * returns to the same hits or lists.
 */
const BACK_KEYS = ["q", "view"] as const;

function backQuery(query: LocationQuery): LocationQuery {
  const kept: LocationQuery = {};
  for (const key of BACK_KEYS) {
    const value = query[key];
    if (typeof value === "string") kept[key] = value;
  }
  return kept;
}

/** Where a customer's file (客户档案) opens, from the customers page whose address is `from`. */
export function customerFileRoute(customerId: number, from: LocationQuery = {}): RouteLocationRaw {
  return { name: "customer-file", params: { id: String(customerId) }, query: backQuery(from) };
}

/** The customers page a file was opened from (its `query`), or the plain search. */
export function customersRoute(fileQuery: LocationQuery): RouteLocationRaw {
  return { name: "customers", query: backQuery(fileQuery) };
}
