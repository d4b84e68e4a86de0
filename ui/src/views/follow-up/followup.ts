import type { Category, ComplaintDraft, DueCall, FollowupInput, FollowupLine, FollowupOutcome, Scores } from "../../api";

export const OUTCOMES: readonly FollowupOutcome[] = ["reached", "not_reached", "declined"];
/** The aspects the customer scores, in the order the caller asks; overall last. */
export const ASPECTS = ["advisor", "quality", "onTime", "price", "facility"] as const;
export type Aspect = (typeof ASPECTS)[number] | "overall";
export const ALL_ASPECTS: readonly Aspect[] = [...ASPECTS, "overall"];

/** The names the script template may use, as the settings' help lists them. */
export const SCRIPT_NAMES = ["dealership", "caller", "customer", "plate", "date", "work", "minutes"] as const;
export type ScriptValues = Record<(typeof SCRIPT_NAMES)[number], string>;

/**
 * The opening the caller reads: `{name}` replaced by its value; a name the
 * template does not know stays as written, so a typo shows rather than vanishes.
 */
export function fillScript(script: string, values: ScriptValues): string {
  return script.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as keyof ScriptValues] : whole,
  );
}

/** The parts of a `YYYY-MM-DD` day, without leading zeros, for the script's `{date}`. */
export function dayParts(day: string): { year: number; month: number; day: number } {
  const [year = 0, month = 0, date = 0] = day.split("-").map(Number);
  return { year, month, day: date };
}

/** A 1–10 score as the scale colours it: 9–10 pleased, 7–8 lukewarm, 6 and below unhappy. */
export function scoreTone(score: number): "high" | "mid" | "low" {
  if (score >= 9) return "high";
  if (score >= 7) return "mid";
  return "low";
}

export function noScores(): Scores {
  return { advisor: null, quality: null, onTime: null, price: null, facility: null, overall: null };
}

/**
 * The call as the caller fills it in. `outcome` is null until picked; the
 * booking made for a vehicle problem is kept by id and number; `complaining`
 * opens the complaint filed in the same save.
 */
export interface CallForm {
  outcome: FollowupOutcome | null;
  scores: Scores;
  remarks: string;
  vehicleProblem: string;
  appointment: { id: number; number: string } | null;
  complaining: boolean;
  category: Category | null;
  description: string;
  ownerId: number | null;
}

export function newCallForm(ownerId: number | null = null): CallForm {
  return {
    outcome: null,
    scores: noScores(),
    remarks: "",
    vehicleProblem: "",
    appointment: null,
    complaining: false,
    category: null,
    description: "",
    ownerId,
  };
}

/** Anything typed or picked beyond the blank form (asked about before another call replaces it). */
export function callFormEdited(form: CallForm): boolean {
  const blank = newCallForm(form.ownerId);
  return JSON.stringify({ ...form, ownerId: null }) !== JSON.stringify({ ...blank, ownerId: null });
}

/**
 * The call sent to the core. Only a reached customer gives scores, a problem
 * or a complaint: what was filled in before the outcome changed is left out.
 * The complaint's customer, car and order are the call's own.
 */
export function callInput(form: CallForm, call: DueCall, callerId: number): FollowupInput {
  const reached = form.outcome === "reached";
  const complaint: ComplaintDraft | null =
    reached && form.complaining
      ? {
          source: "followup",
          category: form.category ?? "other",
          customerId: call.customerId,
          vehicleId: call.vehicleId,
          workOrderId: call.orderId,
          description: form.description.trim(),
          ownerId: form.ownerId ?? 0,
          actorId: callerId,
        }
      : null;
  return {
    orderId: call.orderId,
    callerId,
    outcome: form.outcome ?? "not_reached",
    scores: reached ? { ...form.scores } : noScores(),
    remarks: form.remarks.trim(),
    vehicleProblem: reached ? form.vehicleProblem.trim() : "",
    appointmentId: reached ? (form.appointment?.id ?? null) : null,
    complaint,
  };
}

/** What the week's calls add up to, per order as the manager's figure counts them. */
export interface WeekSummary {
  calls: number;
  /** Orders called at least once. */
  orders: number;
  /** Orders whose customer was reached on some call. */
  reached: number;
  /** reached ÷ orders in percent, as the dashboard's ratios; null when nobody was called. */
  reachPercent: number | null;
  /** The mean of each aspect over the calls that scored it; null when none did. */
  averages: Record<Aspect, number | null>;
  /** Per advisor of the orders: orders called, reached, and the mean overall score. */
  advisors: { name: string; orders: number; reached: number; overall: number | null }[];
  complaints: number;
  problems: number;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function weekSummary(lines: readonly FollowupLine[]): WeekSummary {
  const called = new Map<number, string>();
  const reachedOrders = new Set<number>();
  for (const line of lines) {
    called.set(line.orderId, line.advisorName);
    if (line.outcome === "reached") reachedOrders.add(line.orderId);
  }
  const reachedCalls = lines.filter((line) => line.outcome === "reached");
  const averageOf = (calls: readonly FollowupLine[], aspect: Aspect) =>
    mean(calls.map((line) => line.scores[aspect]).filter((s): s is number => s !== null));
  const averages = Object.fromEntries(ALL_ASPECTS.map((aspect) => [aspect, averageOf(reachedCalls, aspect)])) as Record<Aspect, number | null>;

  const advisors = new Map<string, { name: string; orders: Set<number>; reached: Set<number> }>();
  for (const [orderId, name] of called) {
    const row = advisors.get(name) ?? { name, orders: new Set(), reached: new Set() };
    row.orders.add(orderId);
    if (reachedOrders.has(orderId)) row.reached.add(orderId);
    advisors.set(name, row);
  }

  return {
    calls: lines.length,
    orders: called.size,
    reached: reachedOrders.size,
    reachPercent: called.size === 0 ? null : (reachedOrders.size / called.size) * 100,
    averages,
    advisors: [...advisors.values()]
      .map((row) => ({
        name: row.name,
        orders: row.orders.size,
        reached: row.reached.size,
        overall: averageOf(reachedCalls.filter((line) => line.advisorName === row.name), "overall"),
      }))
      .sort((a, b) => b.orders - a.orders || a.name.localeCompare(b.name, "zh-CN")),
    complaints: lines.filter((line) => line.complaintId !== null).length,
    problems: lines.filter((line) => line.vehicleProblem !== "").length,
  };
}

/** A mean score as shown: one decimal, a dash for none. */
export function scoreText(score: number | null): string {
  return score === null ? "—" : score.toFixed(1);
}

/** The seven days ending `today` (YYYY-MM-DD), for the week's calls. */
export function lastSevenDays(today: string): { from: string; to: string } {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 6);
  return { from: day.toISOString().slice(0, 10), to: today };
}
