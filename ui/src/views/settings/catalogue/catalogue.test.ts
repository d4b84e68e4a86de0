import { describe, expect, it } from "vitest";
import { firstEmptyRate, partFieldLabel, ratesForm, ratesInput, refusedRate, termsList, termsText } from "./catalogue";

describe("labour rates form", () => {
  const stored = [
    { payType: "warranty" as const, fenPerHour: 12_000 },
    { payType: "customer" as const, fenPerHour: 16_000 },
  ];

  it("holds each pay type, empty where nothing is stored", () => {
    expect(ratesForm(stored)).toEqual({ customer: 16_000, warranty: 12_000, internal: null, goodwill: null });
  });

  it("sends nothing while a rate is empty, and says which", () => {
    const form = ratesForm(stored);
    expect(firstEmptyRate(form)).toBe("internal");
    expect(ratesInput(form)).toBeNull();
  });

  it("sends every pay type in order once all are filled", () => {
    const form = { ...ratesForm(stored), internal: 8_000, goodwill: 0 };
    expect(firstEmptyRate(form)).toBeNull();
    expect(ratesInput(form)).toEqual([
      { payType: "customer", fenPerHour: 16_000 },
      { payType: "warranty", fenPerHour: 12_000 },
      { payType: "internal", fenPerHour: 8_000 },
      { payType: "goodwill", fenPerHour: 0 },
    ]);
  });

  it("puts a refusal under the highest rate", () => {
    expect(refusedRate({ customer: 16_000, warranty: 12_000, internal: 900_000_000, goodwill: 16_000 })).toBe("internal");
    expect(refusedRate({ customer: 0, warranty: 0, internal: 0, goodwill: 0 })).toBe("customer");
  });
});

describe("terms", () => {
  it("are edited one per line and read back the same", () => {
    const terms = ["1. 本单所列项目", "2. 贵重物品请带走"];
    expect(termsText(terms)).toBe("1. 本单所列项目\n2. 贵重物品请带走");
    expect(termsList(termsText(terms))).toEqual(terms);
  });

  it("split on Windows line ends too", () => {
    expect(termsList("a\r\nb")).toEqual(["a", "b"]);
  });
});

describe("partFieldLabel", () => {
  it("names the column a rejected field came from", () => {
    expect(partFieldLabel("partNo")).toBe("catalogue.parts.partNo");
    expect(partFieldLabel("unitPriceFen")).toBe("catalogue.parts.unitPrice");
    expect(partFieldLabel("onHandHundredths")).toBe("catalogue.parts.onHand");
  });

  it("has none for a field no column feeds", () => {
    expect(partFieldLabel("file")).toBeNull();
    expect(partFieldLabel("")).toBeNull();
  });
});
