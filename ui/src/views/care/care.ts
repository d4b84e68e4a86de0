import type { CareItem, CareKind, ContactChannel, Role } from "../../api";

/** The kinds in the order of the list: the calls after a delivery cannot wait, a greeting can. */
export const CARE_KINDS: readonly CareKind[] = [
  "delivery24h",
  "delivery3d",
  "delivery7d",
  "maintenance_due",
  "key_customer",
  "birthday",
  "holiday",
];

/** Whose items the list shows: everybody's, or one role's. */
export type CareScope = "all" | Extract<Role, "advisor" | "follow_up">;
/** The roles that have items of their own; the manager switches between them. */
export const CARE_SCOPES: readonly CareScope[] = ["all", "follow_up", "advisor"];

export interface CareGroup {
  kind: CareKind;
  items: CareItem[];
}

/** The items by kind, in list order; kinds with nothing to do are left out. */
export function groupByKind(items: readonly CareItem[]): CareGroup[] {
  return CARE_KINDS.map((kind) => ({ kind, items: items.filter((item) => item.kind === kind) })).filter(
    (group) => group.items.length > 0,
  );
}

/**
 * Whose list the desk opens on, and whether it may switch: the manager (or a
 * desk where nobody is picked) sees everybody's and may narrow it down; anyone
 * else sees their own role's.
 */
export function scopeOf(role: Role | null): { scope: CareScope | Role; canSwitch: boolean } {
  if (role === null || role === "manager") return { scope: "all", canSwitch: true };
  return { scope: role, canSwitch: false };
}

/** The role asked for: none for everybody's list. */
export function roleOf(scope: CareScope | Role): Role | null {
  return scope === "all" ? null : scope;
}

/** Greetings usually go as a message; everything else is a call. */
export function defaultChannel(kind: CareKind): ContactChannel {
  return kind === "birthday" || kind === "holiday" ? "sms" : "call";
}

/** What makes an item one of a kind: its customer and occasion (marked done, it leaves the list). */
export function sameItem(a: Pick<CareItem, "customerId" | "occasion">, b: Pick<CareItem, "customerId" | "occasion">): boolean {
  return a.customerId === b.customerId && a.occasion === b.occasion;
}
