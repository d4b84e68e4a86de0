import { describe, expect, it } from "vitest";
import { errorText, isAppError, localized, type AppError } from "./index";

const refused: AppError = {
  code: "validation",
  message: { "zh-CN": "手机号码格式不对", en: "The mobile number is not valid" },
  field: "mobile",
};

describe("isAppError", () => {
  it("recognises the core's error object", () => {
    expect(isAppError(refused)).toBe(true);
    expect(isAppError({ ...refused, field: null })).toBe(true);
  });

  it("rejects strings, Errors and look-alikes", () => {
    expect(isAppError("window not found")).toBe(false);
    expect(isAppError(new Error("boom"))).toBe(false);
    expect(isAppError({ code: "validation", message: "plain" })).toBe(false);
    expect(isAppError(null)).toBe(false);
  });
});

describe("errorText", () => {
  it("shows the core's message in the asked language, never the code", () => {
    expect(errorText(refused, "zh-CN")).toBe("手机号码格式不对");
    expect(errorText(refused, "en")).toBe("The mobile number is not valid");
    expect(errorText({ ...refused, code: "invalid_transition" }, "en")).not.toContain("invalid_transition");
  });

  it("falls back to the other language when one is missing", () => {
    expect(errorText({ ...refused, message: { "zh-CN": "", en: "Only English" } }, "zh-CN")).toBe("Only English");
  });

  it("shows a plain rejection as it came, under a generic heading", () => {
    expect(errorText("command app_info not found", "zh-CN")).toBe("操作失败：command app_info not found");
    expect(errorText("command app_info not found", "en")).toBe("The operation failed: command app_info not found");
  });

  it("uses an Error's message", () => {
    expect(errorText(new TypeError("invoke is undefined"), "en")).toBe("The operation failed: invoke is undefined");
  });

  it("says only that it failed when there is nothing to show", () => {
    expect(errorText(undefined, "zh-CN")).toBe("操作失败");
    expect(errorText("  ", "en")).toBe("The operation failed");
  });
});

describe("localized", () => {
  const text = { "zh-CN": "近12个月消费占比前1%", en: "Top 1% of revenue in the last 12 months" };

  it("picks the asked language", () => {
    expect(localized(text, "zh-CN")).toBe("近12个月消费占比前1%");
    expect(localized(text, "en")).toBe("Top 1% of revenue in the last 12 months");
  });

  it("falls back to the other language, and is empty when both are", () => {
    expect(localized({ ...text, en: "" }, "en")).toBe("近12个月消费占比前1%");
    expect(localized({ "zh-CN": "", en: "" }, "zh-CN")).toBe("");
  });
});
