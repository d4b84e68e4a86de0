import { describe, expect, it } from "vitest";
import type { VehicleInput } from "../../../api";
import { newVehicle, setSpecialPlate, vehicleForm, vehicleInput } from "./vehicleForm";

const stored: VehicleInput = {
  ...newVehicle(7),
  id: 3,
  version: 2,
  plate: "沪A·12345",
  vin: "LVSHCAMB1CE012345",
  brand: "马自达",
  model: "马自达6",
  modelYear: 2024,
  purchaseDate: "2024-05-01",
};

describe("vehicleForm", () => {
  it("splits a stored plate into the province and the rest", () => {
    const form = vehicleForm(stored);
    expect([form.province, form.rest, form.special, form.vinWaived]).toEqual(["沪", "A12345", false, false]);
  });

  it("ticks the boxes of a special plate and a waived VIN", () => {
    const form = vehicleForm({ ...stored, plate: "使014123", plateOverrideReason: "使馆车辆", vinCheckWaivedReason: "平行进口" });
    expect([form.special, form.vinWaived, form.plate]).toEqual([true, true, "使014123"]);
  });
});

describe("vehicleInput", () => {
  it("sends what was read back unchanged, with the version", () => {
    expect(vehicleInput(vehicleForm(stored))).toEqual({ ...stored, plate: "沪A12345" });
  });

  it("sends a new vehicle's plate from the plate input", () => {
    const form = vehicleForm(newVehicle(7));
    Object.assign(form, { province: "京", rest: "AD12345" });
    expect(vehicleInput(form)).toMatchObject({ id: null, customerId: 7, plate: "京AD12345" });
  });

  it("sends a reason only while its box is ticked", () => {
    const form = vehicleForm({ ...stored, plateOverrideReason: "警用", vinCheckWaivedReason: "进口车" });
    setSpecialPlate(form, false);
    form.vinWaived = false;
    expect(vehicleInput(form)).toMatchObject({ plateOverrideReason: "", vinCheckWaivedReason: "" });
  });
});

describe("setSpecialPlate", () => {
  it("carries the plate typed so far across both ways", () => {
    const form = vehicleForm(newVehicle(7));
    Object.assign(form, { province: "京", rest: "A1234警" });
    setSpecialPlate(form, true);
    expect(form.plate).toBe("京A1234警");
    form.plate = "粤Z1234港";
    setSpecialPlate(form, false);
    expect([form.province, form.rest]).toEqual(["粤", "Z1234港"]);
    expect(vehicleInput(form).plate).toBe("粤Z1234港");
  });
});
