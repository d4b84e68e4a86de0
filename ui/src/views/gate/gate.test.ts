// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import type { GateEvent } from "../../api";
import { dayCounts, keepsTyping, takesTyping } from "./gate";

describe("takesTyping", () => {
  it("leaves the keyboard with a field that takes typing", () => {
    document.body.innerHTML = `
      <input id="text" />
      <input id="readonly" readonly />
      <input id="disabled" disabled />
      <input id="box" type="checkbox" />
      <textarea id="area"></textarea>
      <button id="button">登记进场</button>
      <div id="editable" contenteditable="true"></div>`;
    const byId = (id: string) => document.getElementById(id);
    expect(takesTyping(byId("text"))).toBe(true);
    expect(takesTyping(byId("area"))).toBe(true);
    expect(takesTyping(byId("readonly"))).toBe(false);
    expect(takesTyping(byId("disabled"))).toBe(false);
    expect(takesTyping(byId("box"))).toBe(false);
    expect(takesTyping(byId("button"))).toBe(false);
    expect(takesTyping(document.body)).toBe(false);
    expect(takesTyping(null)).toBe(false);
  });
});

describe("keepsTyping", () => {
  it("takes the keyboard back from a closed drop-down's filter, not from an open one", () => {
    document.body.innerHTML = `
      <input id="closed" role="combobox" aria-expanded="false" />
      <input id="open" role="combobox" aria-expanded="true" />
      <input id="text" />`;
    expect(keepsTyping(document.getElementById("closed"))).toBe(false);
    expect(keepsTyping(document.getElementById("open"))).toBe(true);
    expect(keepsTyping(document.getElementById("text"))).toBe(true);
    expect(keepsTyping(document.body)).toBe(false);
  });
});

describe("dayCounts", () => {
  const event = (direction: GateEvent["direction"], allowed: boolean): GateEvent => ({
    id: 0,
    at: "09:00",
    direction,
    plate: "京A·12345",
    allowed,
    roundTrip: false,
    refusal: allowed ? null : "not_paid",
    kind: null,
    workOrderNumber: "",
  });

  it("counts entries, exits and cars stopped at the gate", () => {
    expect(dayCounts([event("entry", true), event("exit", true), event("exit", false), event("exit", true)])).toEqual({
      entries: 1,
      exits: 2,
      refused: 1,
    });
    expect(dayCounts([])).toEqual({ entries: 0, exits: 0, refused: 0 });
  });
});
