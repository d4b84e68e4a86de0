import type { Category, Complaint, ComplaintAction, ComplaintStatus, ComplaintStep, Source, StaffMember } from "../../api";

export const SOURCES: readonly Source[] = ["phone", "visit", "letter", "email", "followup"];
export const CATEGORIES: readonly Category[] = ["work_quality", "service", "price", "parts", "waiting_time", "other"];

/**
 * One colour per status, the same in the list and the drawer: 待响应 red (no
 * answer yet), 已响应 orange, 调查中 blue, 已解决 green, 已关闭 grey.
 */
export const STATUS_COLOUR: Record<ComplaintStatus, { bg: string; border: string; text: string }> = {
  open: { bg: "#fde8e8", border: "#f5a3a3", text: "#c62828" },
  acknowledged: { bg: "#fdf0e0", border: "#f3c17d", text: "#b86200" },
  investigating: { bg: "#e6f4ff", border: "#91caff", text: "#0958d9" },
  resolved: { bg: "#eefbe6", border: "#b7e4a0", text: "#3f8a17" },
  closed: { bg: "#f0f1f3", border: "#c8c9cc", text: "#4d5058" },
};

/** The step the drawer offers next for a complaint in `status`; none once closed. */
export function nextStep(status: ComplaintStatus): Exclude<ComplaintAction, "file"> | null {
  switch (status) {
    case "open":
      return "acknowledge";
    case "acknowledged":
      return "investigate";
    case "investigating":
      return "resolve";
    case "resolved":
      return "close";
    case "closed":
      return null;
  }
}

/** The next step as its form fills it in; `customerSatisfied` is null until the customer answers. */
export interface StepForm {
  note: string;
  finding: string;
  resolution: string;
  customerSatisfied: boolean | null;
}

export function newStepForm(): StepForm {
  return { note: "", finding: "", resolution: "", customerSatisfied: null };
}

/** The step sent to the core, against the revision the drawer shows. */
export function stepInput(complaint: Pick<Complaint, "id" | "revision">, action: ComplaintAction, form: StepForm, actorId: number | null): ComplaintStep {
  return {
    complaintId: complaint.id,
    revision: complaint.revision,
    action,
    note: form.note.trim(),
    finding: form.finding.trim(),
    resolution: form.resolution.trim(),
    customerSatisfied: action === "close" ? form.customerSatisfied : null,
    actorId,
  };
}

/** Whole minutes from `now` to `deadline` (an RFC 3339 instant): negative once it has passed. */
export function minutesLeft(deadline: string, now: Date): number {
  const ms = new Date(deadline).getTime() - now.getTime();
  return ms >= 0 ? Math.floor(ms / 60_000) : -Math.ceil(-ms / 60_000);
}

type Say = (key: string, values: Record<string, number | string>) => string;

/**
 * A span of minutes as a person reads a deadline: days and hours beyond a
 * day, hours and minutes beyond an hour, else minutes (keys under
 * `complaint.span`).
 */
export function spanText(minutes: number, t: Say): string {
  const abs = Math.abs(Math.trunc(minutes));
  const days = Math.floor(abs / 1440);
  const hours = Math.floor((abs % 1440) / 60);
  const mins = abs % 60;
  if (days > 0) return hours === 0 ? t("complaint.span.days", { d: days }) : t("complaint.span.daysHours", { d: days, h: hours });
  if (hours > 0) return mins === 0 ? t("complaint.span.hours", { h: hours }) : t("complaint.span.hoursMinutes", { h: hours, m: mins });
  return t("complaint.span.minutes", { m: mins });
}

/** `还剩 5 小时 20 分钟` before the deadline, `超时 2 天 3 小时` after it. */
export function countdownText(deadline: string, now: Date, t: Say): { late: boolean; text: string } {
  const left = minutesLeft(deadline, now);
  const late = left < 0;
  return { late, text: t(late ? "complaint.deadline.late" : "complaint.deadline.left", { span: spanText(left, t) }) };
}

/**
 * Who may own a complaint, the service manager first (the usual owner), then
 * the advisors and the foreman, then the rest; each group by name.
 */
export function ownerChoices(staff: readonly StaffMember[]): StaffMember[] {
  const rank = (m: StaffMember) => (m.role === "manager" ? 0 : m.role === "advisor" ? 1 : m.role === "foreman" ? 2 : 3);
  return [...staff].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, "zh-CN"));
}

/** The owner a new complaint starts with: the service manager when there is one. */
export function defaultOwner(staff: readonly StaffMember[]): number | null {
  return staff.find((m) => m.role === "manager")?.id ?? null;
}
