import { describe, expect, it } from "vitest";
import { joinPlate, normalizeRest, PROVINCES, splitPlate } from "./plate";

describe("PROVINCES", () => {
  it("lists the 31 province abbreviations once each", () => {
    expect(PROVINCES).toHaveLength(31);
    expect(new Set(PROVINCES).size).toBe(31);
    expect(PROVINCES[0]).toBe("京");
  });
});

describe("splitPlate", () => {
  it("upper-cases what is typed and keeps the chosen province", () => {
    expect(splitPlate("a12345", "粤")).toEqual({ province: "粤", rest: "A12345" });
  });

  it("moves a pasted province character into the picker", () => {
    expect(splitPlate("沪B·d12345", "京")).toEqual({ province: "沪", rest: "BD12345" });
  });

  it("handles a new-energy plate with 6 characters after the letter", () => {
    expect(splitPlate("川AD12345", "京")).toEqual({ province: "川", rest: "AD12345" });
  });

  it("turns full-width input-method letters and digits into ASCII", () => {
    expect(splitPlate("ｂ１２３４５", "京")).toEqual({ province: "京", rest: "B12345" });
  });

  it("drops spaces and separators", () => {
    expect(splitPlate(" 京 A-123 45 ", "粤")).toEqual({ province: "京", rest: "A12345" });
  });

  it("leaves a Chinese character that is not a province where it is", () => {
    expect(splitPlate("学A1234", "京").rest).toBe("学A1234");
  });

  it("keeps an empty input empty", () => {
    expect(splitPlate("", "京")).toEqual({ province: "京", rest: "" });
  });
});

describe("normalizeRest", () => {
  it("keeps the trailing 学 / 警 / 挂 characters of special plates", () => {
    expect(normalizeRest("a1234学")).toBe("A1234学");
  });
});

describe("joinPlate", () => {
  it("puts the province in front of the rest", () => {
    expect(joinPlate({ province: "京", rest: "A12345" })).toBe("京A12345");
  });

  it("sends nothing when only the province is chosen", () => {
    expect(joinPlate({ province: "京", rest: "" })).toBe("");
  });
});
