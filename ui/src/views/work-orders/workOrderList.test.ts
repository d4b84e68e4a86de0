import { describe, expect, it } from "vitest";
import type { WorkOrderLine } from "../../api";
import { matchesFilter, teamBay } from "./workOrderList";

const line: WorkOrderLine = {
  id: 7,
  number: "WO20261123-0003",
  status: "open",
  version: 1,
  plate: "京A·7Y321",
  model: "CX-5",
  customerName: "欧阳娜娜",
  advisorName: "赵雅琴",
  createdOn: "2026-11-23",
  promisedAt: "2026-11-23 17:30",
  customerPaysFen: 178_600,
  waitingParts: false,
  diagnosisOnly: false,
  team: "机电一组",
  bay: "3号工位",
};

describe("matchesFilter", () => {
  it("keeps every line for an empty filter", () => {
    expect(matchesFilter(line, "")).toBe(true);
    expect(matchesFilter(line, "  ")).toBe(true);
  });

  it("finds a plate with or without province and dot, in any case", () => {
    expect(matchesFilter(line, "A7Y321")).toBe(true);
    expect(matchesFilter(line, "a7y")).toBe(true);
    expect(matchesFilter(line, "京A·7Y321")).toBe(true);
    expect(matchesFilter(line, "7Y321")).toBe(true);
  });

  it("finds the number, the customer, the model and the advisor", () => {
    expect(matchesFilter(line, "0003")).toBe(true);
    expect(matchesFilter(line, "wo20261123")).toBe(true);
    expect(matchesFilter(line, "欧阳")).toBe(true);
    expect(matchesFilter(line, "cx5")).toBe(true);
    expect(matchesFilter(line, "雅琴")).toBe(true);
  });

  it("leaves out a line that shows none of it", () => {
    expect(matchesFilter(line, "B12345")).toBe(false);
    expect(matchesFilter(line, "司马")).toBe(false);
  });
});

describe("teamBay", () => {
  it("joins team and bay", () => {
    expect(teamBay(line)).toBe("机电一组 / 3号工位");
  });

  it("shows either alone, and nothing when neither is set", () => {
    expect(teamBay({ team: "钣喷组", bay: "" })).toBe("钣喷组");
    expect(teamBay({ team: " ", bay: "5号工位" })).toBe("5号工位");
    expect(teamBay({ team: "", bay: "" })).toBe("");
  });
});
