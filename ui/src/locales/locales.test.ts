import { describe, expect, it } from "vitest";
import zhCN from "./zh-CN.json";
import en from "./en.json";

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function value(messages: object, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
}

describe("locale files", () => {
  it("have the same keys in zh-CN and English", () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it("have no empty text", () => {
    for (const messages of [zhCN, en]) {
      for (const key of keys(messages)) expect(value(messages, key), key).not.toBe("");
    }
  });

  it("keep English words out of the Chinese UI (names of things aside)", () => {
    const names = /ServiceBay|English|Excel|Asia\/\w+|Ctrl\+\w|\{\w+\}/g;
    for (const key of keys(zhCN)) {
      expect(String(value(zhCN, key)).replace(names, ""), key).not.toMatch(/[A-Za-z]{4,}/);
    }
  });
});
