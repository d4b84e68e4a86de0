import type { ReadingSource, VehicleInput } from "../../../api";
import { DEFAULT_PROVINCE, joinPlate, splitPlate } from "../../../components/plate";

/** The service interval the core uses when the vehicle sets none (shown as the placeholders). */
export const DEFAULT_INTERVAL_KM = 5000;
export const DEFAULT_INTERVAL_MONTHS = 6;

/** Where a reading typed at the desk came from (imports come from files, not from here). */
export const READING_SOURCES: readonly ReadingSource[] = ["manual", "customer", "check_in"];

/**
 * The vehicle form: the input itself, with the plate kept two ways. A normal
 * plate is typed in the plate input (province picker + the rest); a special
 * plate (police, embassy… `special`) is typed whole into `plate`, as it is.
 * `vinWaived` reveals the reason the VIN check digit is not checked.
 */
export interface VehicleForm extends VehicleInput {
  province: string;
  rest: string;
  special: boolean;
  vinWaived: boolean;
}

export function newVehicle(customerId: number): VehicleInput {
  return {
    id: null,
    version: null,
    customerId,
    plate: "",
    plateOverrideReason: "",
    vin: "",
    vinCheckWaivedReason: "",
    brand: "",
    model: "",
    modelYear: null,
    colour: "",
    purchaseDate: "",
    deliveryDate: "",
    serviceIntervalKm: null,
    serviceIntervalMonths: null,
  };
}

export function vehicleForm(input: VehicleInput): VehicleForm {
  return {
    ...input,
    ...splitPlate(input.plate, DEFAULT_PROVINCE),
    special: input.plateOverrideReason !== "",
    vinWaived: input.vinCheckWaivedReason !== "",
  };
}

/** What the form sends: the plate as typed in whichever way is on, reasons only when their box is ticked. */
export function vehicleInput(form: VehicleForm): VehicleInput {
  const { province, rest, special, vinWaived, ...input } = form;
  return {
    ...input,
    plate: special ? form.plate.trim() : joinPlate({ province, rest }),
    plateOverrideReason: special ? form.plateOverrideReason : "",
    vinCheckWaivedReason: vinWaived ? form.vinCheckWaivedReason : "",
  };
}

/** Ticks or unticks 特殊号牌, carrying the plate typed so far across to the other input. */
export function setSpecialPlate(form: VehicleForm, special: boolean) {
  if (special === form.special) return;
  if (special) form.plate = joinPlate(form);
  else Object.assign(form, splitPlate(form.plate, form.province));
  form.special = special;
}
