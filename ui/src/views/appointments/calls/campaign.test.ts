import { describe, expect, it } from "vitest";
import type { Campaign } from "../../../api";
import { campaignForm, campaignInput, campaignState, sortCampaigns } from "./campaign";

const winter: Campaign = {
  id: 2,
  name: "冬季检测",
  purpose: "防冻液、电瓶",
  fromDate: "2026-11-01",
  toDate: "2026-12-31",
  modelContains: "",
  minAgeYears: 3,
};

describe("campaign form", () => {
  it("keeps the period as one range and sends it as two dates", () => {
    const form = campaignForm(winter);
    expect(form.period).toEqual(["2026-11-01", "2026-12-31"]);
    expect(campaignInput(form)).toEqual(winter);
  });

  it("starts empty and sends an unpicked period as empty dates", () => {
    const form = campaignForm(null);
    expect(form).toEqual({ id: null, name: "", purpose: "", period: null, modelContains: "", minAgeYears: null });
    expect(campaignInput(form)).toMatchObject({ fromDate: "", toDate: "" });
  });
});

describe("campaignState", () => {
  it("runs on its first and last day", () => {
    expect(campaignState(winter, "2026-10-31")).toBe("upcoming");
    expect(campaignState(winter, "2026-11-01")).toBe("running");
    expect(campaignState(winter, "2026-12-31")).toBe("running");
    expect(campaignState(winter, "2027-01-01")).toBe("ended");
  });
});

describe("sortCampaigns", () => {
  it("puts running campaigns first and ended ones last", () => {
    const ended = { ...winter, id: 1, fromDate: "2026-06-01", toDate: "2026-08-31" };
    const upcoming = { ...winter, id: 3, fromDate: "2027-03-01", toDate: "2027-03-31" };
    expect(sortCampaigns([ended, upcoming, winter], "2026-11-23").map((c) => c.id)).toEqual([2, 3, 1]);
  });
});
