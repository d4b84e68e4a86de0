import { describe, expect, it } from "vitest";
import type { Mean, Ratio } from "../../api";
import { decimalText, divisionText, equationText, meanFigure, ratioFigure } from "./figures";

const formula = { "zh-CN": "按时完工的 ÷ 有约定时间的", en: "ready on time ÷ with a promise" };

function ratio(numerator: number, denominator: number, percent: number | null): Ratio {
  return { numerator, denominator, percent, formula };
}

function mean(numerator: number, denominator: number, value: number | null): Mean {
  return { numerator, denominator, value, formula };
}

describe("a share", () => {
  it("reads as its percent and what it divides", () => {
    const figure = ratioFigure(ratio(24, 26, 92.3));
    expect(equationText(figure)).toBe("92.3% = 24 ÷ 26");
    expect(divisionText(figure)).toBe("= 24 ÷ 26");
    expect(figure.formula).toBe(formula);
  });

  it("groups large counts and shows a dash when nothing was counted", () => {
    expect(equationText(ratioFigure(ratio(1200, 1500, 80)))).toBe("80.0% = 1,200 ÷ 1,500");
    expect(equationText(ratioFigure(ratio(0, 0, null)))).toBe("— = 0 ÷ 0");
  });
});

describe("a mean", () => {
  it("shows up to two decimals", () => {
    expect(equationText(meanFigure(mean(52, 6, 8.67)))).toBe("8.67 = 52 ÷ 6");
    expect(equationText(meanFigure(mean(40, 5, 8)))).toBe("8 = 40 ÷ 5");
  });

  it("divides hours kept in hundredths as hours", () => {
    expect(equationText(meanFigure(mean(350, 3, 1.17), 100))).toBe("1.17 = 3.5 ÷ 3");
  });

  it("has no value when nothing was counted", () => {
    expect(meanFigure(mean(0, 0, null)).value).toBeNull();
  });
});

describe("decimalText", () => {
  it("groups thousands and drops trailing zeros", () => {
    expect(decimalText(12345.678)).toBe("12,345.68");
    expect(decimalText(2.5)).toBe("2.5");
  });
});
