import type { Campaign } from "../../../api";

/** The campaign form: the period is one date-range picker, `["YYYY-MM-DD", "YYYY-MM-DD"]` or null. */
export interface CampaignForm {
  id: number | null;
  name: string;
  purpose: string;
  period: [string, string] | null;
  modelContains: string;
  minAgeYears: number | null;
}

export function campaignForm(campaign: Campaign | null): CampaignForm {
  if (!campaign) return { id: null, name: "", purpose: "", period: null, modelContains: "", minAgeYears: null };
  const { fromDate, toDate, ...rest } = campaign;
  return { ...rest, period: fromDate || toDate ? [fromDate, toDate] : null };
}

/** What the form sends; an empty period goes as empty dates, which the core refuses under the field. */
export function campaignInput(form: CampaignForm): Campaign {
  const { period, ...rest } = form;
  return { ...rest, fromDate: period?.[0] ?? "", toDate: period?.[1] ?? "" };
}

export type CampaignState = "upcoming" | "running" | "ended";

/** Whether a campaign runs on `today` (`YYYY-MM-DD`): only running ones put vehicles on the list. */
export function campaignState(campaign: Pick<Campaign, "fromDate" | "toDate">, today: string): CampaignState {
  if (today < campaign.fromDate) return "upcoming";
  if (today > campaign.toDate) return "ended";
  return "running";
}

/** Running campaigns first, then upcoming, then ended; the newest period first within each. */
export function sortCampaigns(campaigns: readonly Campaign[], today: string): Campaign[] {
  const order: Record<CampaignState, number> = { running: 0, upcoming: 1, ended: 2 };
  return [...campaigns].sort(
    (a, b) =>
      order[campaignState(a, today)] - order[campaignState(b, today)] ||
      b.fromDate.localeCompare(a.fromDate) ||
      (b.id ?? 0) - (a.id ?? 0),
  );
}
