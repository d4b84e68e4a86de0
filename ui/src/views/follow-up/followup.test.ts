import { describe, expect, it } from "vitest";
import type { DueCall, FollowupLine, Scores } from "../../api";
import {
  callFormEdited,
  callInput,
  dayParts,
  fillScript,
  lastSevenDays,
  newCallForm,
  noScores,
  scoreText,
  scoreTone,
  weekSummary,
} from "./followup";

const call: DueCall = {
  orderId: 41,
  number: "WO20261121-0007",
  customerId: 9,
  customerName: "王建国",
  vehicleId: 12,
  plate: "京A·7Y321",
  advisorName: "赵雅琴",
  settledAt: "2026-11-21T08:30:00Z",
  required: true,
  method: "mobile",
  phone: "13800138000",
  time: "evening",
  work: "更换前刹车片",
  attempts: 1,
};

describe("fillScript", () => {
  const values = {
    dealership: "华安马自达",
    caller: "韩晓雪",
    customer: "王建国",
    plate: "京A·7Y321",
    date: "11月21日",
    work: "更换前刹车片",
    minutes: "3",
  };

  it("fills every name the template uses, as often as it uses it", () => {
    expect(fillScript("您好{customer}，我是{dealership}的{caller}。{customer}您的{plate}于{date}做了{work}，占用{minutes}分钟", values)).toBe(
      "您好王建国，我是华安马自达的韩晓雪。王建国您的京A·7Y321于11月21日做了更换前刹车片，占用3分钟",
    );
  });

  it("leaves a name it does not know as written, so a typo shows", () => {
    expect(fillScript("{custmer}您好，{plate}", values)).toBe("{custmer}您好，京A·7Y321");
    expect(fillScript("{toString}", values)).toBe("{toString}");
  });
});

describe("dayParts", () => {
  it("drops leading zeros for the spoken date", () => {
    expect(dayParts("2026-03-05")).toEqual({ year: 2026, month: 3, day: 5 });
  });
});

describe("callInput", () => {
  function reachedForm() {
    const form = newCallForm(3);
    form.outcome = "reached";
    form.scores = { ...noScores(), quality: 4, overall: 5 };
    form.remarks = "  刹车还是响 ";
    form.vehicleProblem = " 刹车异响 ";
    form.appointment = { id: 77, number: "A20261124-002" };
    return form;
  }

  it("sends a reached call with its scores, problem and booking", () => {
    const input = callInput(reachedForm(), call, 5);
    expect(input).toMatchObject({
      orderId: 41,
      callerId: 5,
      outcome: "reached",
      remarks: "刹车还是响",
      vehicleProblem: "刹车异响",
      appointmentId: 77,
      complaint: null,
    });
    expect(input.scores.quality).toBe(4);
  });

  it("files the complaint with the call's customer, car and order, from the caller", () => {
    const form = reachedForm();
    form.complaining = true;
    form.category = "work_quality";
    form.description = " 刚修好又响 ";
    expect(callInput(form, call, 5).complaint).toEqual({
      source: "followup",
      category: "work_quality",
      customerId: 9,
      vehicleId: 12,
      workOrderId: 41,
      description: "刚修好又响",
      ownerId: 3,
      actorId: 5,
    });
  });

  it("leaves out scores, problem, booking and complaint when the customer was not reached", () => {
    const form = reachedForm();
    form.complaining = true;
    form.category = "service";
    form.outcome = "not_reached";
    const input = callInput(form, call, 5);
    expect(input.scores).toEqual(noScores());
    expect(input).toMatchObject({ vehicleProblem: "", appointmentId: null, complaint: null, remarks: "刹车还是响" });
  });
});

describe("callFormEdited", () => {
  it("is false for a blank form whoever owns complaints, true once anything is picked", () => {
    const form = newCallForm(3);
    expect(callFormEdited(form)).toBe(false);
    form.ownerId = 8;
    expect(callFormEdited(form)).toBe(false);
    form.outcome = "declined";
    expect(callFormEdited(form)).toBe(true);
  });
});

let nextId = 1;
function line(orderId: number, outcome: FollowupLine["outcome"], scores: Partial<Scores> = {}, extra: Partial<FollowupLine> = {}): FollowupLine {
  return {
    id: nextId++,
    orderId,
    number: `WO-${orderId}`,
    advisorName: orderId % 2 ? "赵雅琴" : "李明轩",
    at: "2026-11-23T02:00:00Z",
    callerName: "韩晓雪",
    outcome,
    scores: { ...noScores(), ...scores },
    remarks: "",
    vehicleProblem: "",
    appointmentId: null,
    complaintId: null,
    ...extra,
  };
}

describe("weekSummary", () => {
  it("counts reach per order: an order tried twice and then reached counts once, as reached", () => {
    const s = weekSummary([
      line(1, "not_reached"),
      line(1, "reached", { overall: 9, advisor: 10 }),
      line(2, "declined"),
      line(3, "not_reached"),
      line(4, "reached", { overall: 6, advisor: 8, price: 5 }, { complaintId: 3, vehicleProblem: "异响" }),
    ]);
    expect(s).toMatchObject({ calls: 5, orders: 4, reached: 2, reachPercent: 50, complaints: 1, problems: 1 });
  });

  it("averages each aspect over the calls that scored it", () => {
    const s = weekSummary([line(1, "reached", { overall: 9, advisor: 10 }), line(3, "reached", { overall: 6, price: 5 })]);
    expect(s.averages).toEqual({ advisor: 10, quality: null, onTime: null, price: 5, facility: null, overall: 7.5 });
  });

  it("gives each advisor their orders, reached and mean overall, busiest first", () => {
    const s = weekSummary([line(1, "reached", { overall: 9 }), line(3, "reached", { overall: 6 }), line(5, "not_reached"), line(2, "declined")]);
    expect(s.advisors).toEqual([
      { name: "赵雅琴", orders: 3, reached: 2, overall: 7.5 },
      { name: "李明轩", orders: 1, reached: 0, overall: null },
    ]);
  });

  it("has no rate and no means for a week without calls", () => {
    const s = weekSummary([]);
    expect(s.reachPercent).toBeNull();
    expect(s.averages.overall).toBeNull();
    expect(scoreText(s.averages.overall)).toBe("—");
  });
});

describe("figures as shown", () => {
  it("show mean scores with one decimal", () => {
    expect(scoreText(8.25)).toBe("8.3");
  });

  it("colour scores: 9–10 pleased, 7–8 lukewarm, 6 and below unhappy", () => {
    expect([1, 6, 7, 8, 9, 10].map(scoreTone)).toEqual(["low", "low", "mid", "mid", "high", "high"]);
  });

  it("take the week as the seven days ending today, across a month", () => {
    expect(lastSevenDays("2026-12-03")).toEqual({ from: "2026-11-27", to: "2026-12-03" });
  });
});
