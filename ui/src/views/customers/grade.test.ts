import { describe, expect, it } from "vitest";
import { gradeTagType } from "./grade";

describe("gradeTagType", () => {
  it("gives each grade its colour", () => {
    expect(["A", "B", "C", "D"].map(gradeTagType)).toEqual(["warning", "primary", "success", "info"]);
  });

  it("shows an unknown grade grey", () => {
    expect(gradeTagType("E")).toBe("info");
  });
});
