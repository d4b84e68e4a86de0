import { describe, expect, it } from "vitest";
import type { LabourRate, WorkOrder } from "../../../api";
import {
  allowedActions,
  contentKey,
  draftOf,
  formFrom,
  labourLine,
  lineAmount,
  manualLine,
  newMark,
  orderedLines,
  partLine,
  repriced,
  roundPromise,
} from "./workOrder";

const rates: LabourRate[] = [
  { payType: "customer", fenPerHour: 16_000 },
  { payType: "warranty", fenPerHour: 12_000 },
];

function order(): WorkOrder {
  return {
    id: 7,
    number: "WO20261123-0001",
    status: "draft",
    version: 1,
    revision: 3,
    customerId: 1,
    customerName: "王建国",
    mobile: "13800138000",
    vehicleId: 2,
    plate: "京A·12345",
    vin: null,
    brand: "马自达",
    model: "CX-5",
    appointmentNumber: null,
    advisorId: 1,
    advisorName: "赵雅琴",
    diagnosisOnly: false,
    interview: { what: "异响", where: "", when: "", who: "", why: "", howFix: "", howMuch: "" },
    checkIn: {
      mileage: 35_000,
      fuelEighths: 4,
      damage: [{ no: 1, view: "side", x: 20, y: 40, kind: "dent", note: "左前门" }],
      itemsLeft: "",
      valuablesReminded: true,
      coversFitted: true,
      customerWaits: "lounge",
      contactPhone: "",
      wash: true,
      oldParts: "dispose",
      testDriveConsent: false,
    },
    lines: [
      {
        id: 11,
        kind: "part",
        payType: "customer",
        operationId: null,
        partId: 5,
        code: "PE01-14-302",
        name: "机油滤清器",
        quantityHundredths: 100,
        unitPriceFen: 4_850,
        amountFen: 4_850,
        discountFen: 0,
        stock: "ordered",
        expectedOn: "2026-11-25",
        technicianId: null,
        technicianName: "",
      },
    ],
    totals: {
      labourFen: 0,
      partsFen: 4_850,
      lineDiscountFen: 0,
      orderDiscountFen: 850,
      byPayType: [],
      customerPaysFen: 4_000,
      customerPaysCapitals: "肆拾元整",
      soldHundredths: 0,
    },
    promisedAt: "2026-11-23 17:00",
    waitingParts: true,
    team: "",
    bay: "",
    createdAt: "2026-11-23T01:00:00Z",
  };
}

describe("the work order form", () => {
  it("sends what it loaded, at the revision it was loaded at", () => {
    const o = order();
    const draft = draftOf(formFrom(o), o, 9);
    expect(draft.id).toBe(7);
    expect(draft.revision).toBe(3);
    expect(draft.actorId).toBe(9);
    expect(draft.discountFen).toBe(850);
    expect(draft.promisedAt).toBe("2026-11-23 17:00");
    expect(draft.lines[0]).toMatchObject({ id: 11, stock: "ordered", expectedOn: "2026-11-25", quantityHundredths: 100 });
    expect(draft.checkIn.damage).toEqual(o.checkIn.damage);
  });

  it("is a copy: typing does not touch the order as loaded, and shows as edited", () => {
    const o = order();
    const form = formFrom(o);
    const loaded = contentKey(form);
    form.checkIn.damage[0]!.note = "右前门";
    form.lines[0]!.quantityHundredths = null;
    expect(o.checkIn.damage[0]!.note).toBe("左前门");
    expect(contentKey(form)).not.toBe(loaded);
    // An emptied number goes to the core as 0, which it refuses with the line's number.
    expect(draftOf(form, o, null).lines[0]!.quantityHundredths).toBe(0);
  });

  it("sends no expected date for a part in stock, and none for labour", () => {
    const o = order();
    const form = formFrom(o);
    form.lines[0]!.stock = "in_stock";
    expect(draftOf(form, o, null).lines[0]!.expectedOn).toBeNull();
    form.lines.push(manualLine("customer", rates));
    expect(draftOf(form, o, null).lines[1]).toMatchObject({ kind: "labour", stock: null, expectedOn: null, unitPriceFen: 16_000 });
  });
});

describe("lines", () => {
  it("works out the amount as the core does: half up, no fen lost", () => {
    expect(lineAmount(150, 16_000)).toBe(24_000);
    expect(lineAmount(33, 999)).toBe(330);
    expect(lineAmount(450, 4_850)).toBe(21_825);
    expect(lineAmount(null, 100)).toBe(0);
    expect(lineAmount(100_000_00, 100_000_000_00)).toBe(1_000_000_000_000_000);
  });

  it("takes a labour line's hours from the catalogue and its rate from who pays", () => {
    const line = labourLine({ id: 3, code: "LOF01", name: "更换机油", standardHundredths: 50, jobKind: "maintenance" }, "warranty", rates);
    expect(line).toMatchObject({ kind: "labour", operationId: 3, code: "LOF01", quantityHundredths: 50, unitPriceFen: 12_000 });
    expect(repriced({ ...line, payType: "customer" }, rates).unitPriceFen).toBe(16_000);
    // No rate set for internal work: the price typed stays.
    expect(repriced({ ...line, payType: "internal" }, rates).unitPriceFen).toBe(12_000);
  });

  it("keeps a part's price whoever pays, and shows a part short of stock as ordered", () => {
    const part = { id: 5, partNo: "PE01", name: "机油滤清器", unit: "个", unitPriceFen: 4_850, onHandHundredths: 0 };
    const line = partLine(part, "customer");
    expect(line).toMatchObject({ kind: "part", quantityHundredths: 100, unitPriceFen: 4_850, stock: "ordered", onHandHundredths: 0 });
    expect(repriced({ ...line, payType: "warranty" }, rates).unitPriceFen).toBe(4_850);
    expect(partLine({ ...part, onHandHundredths: 300 }, "customer").stock).toBe("in_stock");
    expect(orderedLines([line, partLine({ ...part, onHandHundredths: 300 }, "customer")])).toEqual([line]);
  });
});

describe("damage marks", () => {
  it("numbers the next mark one past the highest, even after one was removed", () => {
    const first = newMark([], "top", 10.04, 20.06);
    expect(first).toEqual({ no: 1, view: "top", x: 10, y: 20.1, kind: "scratch", note: "" });
    expect(newMark([{ ...first, no: 3 }], "side", 1, 1).no).toBe(4);
  });
});

describe("allowedActions", () => {
  it("offers only what each status allows", () => {
    expect(allowedActions("draft")).toMatchObject({ edit: true, submit: true, sign: false, revise: false, cancel: true });
    expect(allowedActions("awaiting_signature")).toMatchObject({ edit: false, sign: true, withdraw: true, cancel: true });
    expect(allowedActions("open")).toMatchObject({ dispatch: true, revise: true, sign: false });
    expect(allowedActions("dispatched")).toMatchObject({ dispatch: false, revise: true, cancel: true });
    expect(allowedActions("settled")).toMatchObject({ edit: false, revise: false, cancel: false });
  });
});

describe("roundPromise", () => {
  it("promises a round ten minutes at least five minutes after the earliest", () => {
    expect(roundPromise("2026-11-23 16:42")).toBe("2026-11-23 16:50");
    expect(roundPromise("2026-11-23 16:45")).toBe("2026-11-23 16:50");
    expect(roundPromise("2026-11-23 16:46")).toBe("2026-11-23 17:00");
    expect(roundPromise("2026-11-23 16:50")).toBe("2026-11-23 17:00");
    expect(roundPromise("2026-11-23 23:55")).toBe("2026-11-24 00:00");
    expect(roundPromise("2026-12-31 23:59")).toBe("2027-01-01 00:10");
    expect(roundPromise("soon")).toBe("");
  });
});
