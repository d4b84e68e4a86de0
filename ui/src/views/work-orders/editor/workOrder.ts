import type {
  CheckIn,
  DamageKind,
  DamageMark,
  Interview,
  LabourOperation,
  LabourRate,
  Line,
  OrderStatus,
  OutlineView,
  Part,
  PayType,
  WorkOrder,
  WorkOrderDraft,
} from "../../../api";

/** The sections of the work order editor, in the order the desk fills them. */
export const SECTIONS = ["checkIn", "interview", "estimate", "history"] as const;
export type Section = (typeof SECTIONS)[number];

export const PAY_TYPES: readonly PayType[] = ["customer", "warranty", "internal", "goodwill"];
export const DAMAGE_KINDS: readonly DamageKind[] = ["scratch", "dent", "crack", "other"];

/**
 * The 5W2H questions in the order the advisor asks them: the interview field,
 * and the question word as the method names it (the same in every language;
 * the label beside it comes from the locale files).
 */
export const INTERVIEW: readonly { field: keyof Interview; word: string }[] = [
  { field: "what", word: "What" },
  { field: "where", word: "Where" },
  { field: "when", word: "When" },
  { field: "who", word: "Who" },
  { field: "why", word: "Why" },
  { field: "howFix", word: "How" },
  { field: "howMuch", word: "How much" },
];

/** One line as the form holds it: numbers stay null while the field is empty. */
export interface FormLine {
  /** Row key for the table (lines added in this edit have no id yet). */
  key: number;
  id: number | null;
  kind: Line["kind"];
  payType: PayType;
  operationId: number | null;
  partId: number | null;
  code: string;
  name: string;
  quantityHundredths: number | null;
  unitPriceFen: number | null;
  discountFen: number | null;
  stock: NonNullable<Line["stock"]> | null;
  expectedOn: string;
  technicianId: number | null;
  technicianName: string;
  /** Stock on hand when the part was picked (× 100), to show beside the line; null when unknown. */
  onHandHundredths: number | null;
  /** Unit of a catalogue part (个, 升 …), when known. */
  unit: string;
}

/** Everything the advisor writes before the customer signs. */
export interface OrderForm {
  diagnosisOnly: boolean;
  interview: Interview;
  checkIn: CheckIn;
  lines: FormLine[];
  discountFen: number | null;
  promisedAt: string;
  waitingParts: boolean;
}

let nextKey = 1;

function formLine(line: Line): FormLine {
  return {
    key: nextKey++,
    id: line.id ?? null,
    kind: line.kind,
    payType: line.payType,
    operationId: line.operationId,
    partId: line.partId,
    code: line.code,
    name: line.name,
    quantityHundredths: line.quantityHundredths,
    unitPriceFen: line.unitPriceFen,
    discountFen: line.discountFen,
    stock: line.stock ?? null,
    expectedOn: line.expectedOn ?? "",
    technicianId: line.technicianId ?? null,
    technicianName: line.technicianName ?? "",
    onHandHundredths: null,
    unit: "",
  };
}

/** The form filled from the order as stored (a deep copy: editing it leaves the order alone). */
export function formFrom(order: WorkOrder): OrderForm {
  return {
    diagnosisOnly: order.diagnosisOnly,
    interview: { ...order.interview },
    checkIn: { ...order.checkIn, damage: order.checkIn.damage.map((mark) => ({ ...mark })) },
    lines: order.lines.map(formLine),
    discountFen: order.totals.orderDiscountFen,
    promisedAt: order.promisedAt ?? "",
    waitingParts: order.waitingParts,
  };
}

/** An empty form, shown while the order loads. */
export function emptyForm(): OrderForm {
  return {
    diagnosisOnly: false,
    interview: { what: "", where: "", when: "", who: "", why: "", howFix: "", howMuch: "" },
    checkIn: {
      mileage: null,
      fuelEighths: null,
      damage: [],
      itemsLeft: "",
      valuablesReminded: false,
      coversFitted: false,
      customerWaits: null,
      contactPhone: "",
      wash: null,
      oldParts: null,
      testDriveConsent: false,
    },
    lines: [],
    discountFen: 0,
    promisedAt: "",
    waitingParts: false,
  };
}

/** A line as the core receives it; an empty number is sent as 0 (the core says what is wrong). */
export function lineOut(line: FormLine): Line {
  const isPart = line.kind === "part";
  return {
    id: line.id,
    kind: line.kind,
    payType: line.payType,
    operationId: line.operationId,
    partId: line.partId,
    code: line.code.trim(),
    name: line.name.trim(),
    quantityHundredths: line.quantityHundredths ?? 0,
    unitPriceFen: line.unitPriceFen ?? 0,
    discountFen: line.discountFen ?? 0,
    stock: isPart ? line.stock : null,
    expectedOn: isPart && line.stock === "ordered" && line.expectedOn ? line.expectedOn : null,
    technicianId: line.technicianId,
  };
}

/** What the save sends: the form at the revision it was loaded at. */
export function draftOf(form: OrderForm, order: { id: number; revision: number }, actorId: number | null): WorkOrderDraft {
  const c = form.checkIn;
  return {
    id: order.id,
    revision: order.revision,
    diagnosisOnly: form.diagnosisOnly,
    interview: { ...form.interview },
    checkIn: {
      ...c,
      damage: c.damage.map((mark) => ({ ...mark, note: mark.note.trim() })),
      itemsLeft: c.itemsLeft.trim(),
      contactPhone: c.contactPhone.trim(),
    },
    lines: form.lines.map(lineOut),
    discountFen: form.discountFen ?? 0,
    promisedAt: form.promisedAt.trim(),
    waitingParts: form.waitingParts,
    actorId,
  };
}

/** The form's content without who is acting, to tell whether anything was typed since loading. */
export function contentKey(form: OrderForm): string {
  return JSON.stringify(draftOf(form, { id: 0, revision: 0 }, null));
}

/** Quantity × unit price in fen, rounded half up, as the core works it out (no fen lost on large amounts). */
export function lineAmount(quantityHundredths: number | null, unitPriceFen: number | null): number {
  const q = BigInt(Math.max(0, Math.trunc(quantityHundredths ?? 0)));
  const p = BigInt(Math.max(0, Math.trunc(unitPriceFen ?? 0)));
  return Number((q * p + 50n) / 100n);
}

/** The hourly rate for a pay type, or null when the dealership has not set one. */
export function rateFor(rates: readonly LabourRate[], payType: PayType): number | null {
  return rates.find((rate) => rate.payType === payType)?.fenPerHour ?? null;
}

function blank(kind: Line["kind"], payType: PayType): FormLine {
  return {
    key: nextKey++,
    id: null,
    kind,
    payType,
    operationId: null,
    partId: null,
    code: "",
    name: "",
    quantityHundredths: kind === "part" ? 100 : null,
    unitPriceFen: null,
    discountFen: 0,
    stock: kind === "part" ? "in_stock" : null,
    expectedOn: "",
    technicianId: null,
    technicianName: "",
    onHandHundredths: null,
    unit: "",
  };
}

/** A labour line from the catalogue: its code, name and standard hours, at the rate for `payType`. */
export function labourLine(operation: LabourOperation, payType: PayType, rates: readonly LabourRate[]): FormLine {
  return {
    ...blank("labour", payType),
    operationId: operation.id,
    code: operation.code,
    name: operation.name,
    quantityHundredths: operation.standardHundredths,
    unitPriceFen: rateFor(rates, payType),
  };
}

/** A part line from the catalogue: one of it at its price; short stock shows as ordered. */
export function partLine(part: Part, payType: PayType): FormLine {
  return {
    ...blank("part", payType),
    partId: part.id,
    code: part.partNo,
    name: part.name,
    unitPriceFen: part.unitPriceFen,
    stock: part.onHandHundredths >= 100 ? "in_stock" : "ordered",
    onHandHundredths: part.onHandHundredths,
    unit: part.unit,
  };
}

/** A line typed by hand (sublet work, an item not in the catalogue). */
export function manualLine(payType: PayType, rates: readonly LabourRate[]): FormLine {
  return { ...blank("labour", payType), unitPriceFen: rateFor(rates, payType) };
}

/** A labour line follows its pay type's rate when the pay type changes (parts keep their price). */
export function repriced(line: FormLine, rates: readonly LabourRate[]): FormLine {
  if (line.kind !== "labour") return line;
  const rate = rateFor(rates, line.payType);
  return rate === null ? line : { ...line, unitPriceFen: rate };
}

/** The next damage mark: numbered one past the highest, at a point of a view, a scratch until told otherwise. */
export function newMark(marks: readonly DamageMark[], view: OutlineView, x: number, y: number): DamageMark {
  const no = marks.reduce((high, mark) => Math.max(high, mark.no), 0) + 1;
  return { no, view, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, kind: "scratch", note: "" };
}

/** Ordered part lines (stock on order): the customer is told, a return visit may be booked. */
export function orderedLines<T extends { kind: Line["kind"]; stock?: Line["stock"] }>(lines: readonly T[]): T[] {
  return lines.filter((line) => line.kind === "part" && line.stock === "ordered");
}

/** What the desk may do with an order in each status (the core has the last word). */
export function allowedActions(status: OrderStatus) {
  const live = status === "draft" || status === "awaiting_signature" || status === "open" || status === "dispatched";
  return {
    edit: status === "draft",
    submit: status === "draft",
    withdraw: status === "awaiting_signature",
    sign: status === "awaiting_signature",
    dispatch: status === "open",
    revise: status === "open" || status === "dispatched",
    cancel: live,
  };
}

/** Which section shows each field the core may refuse; the editor opens it to show the message. */
export const FIELD_SECTION: Record<string, Section> = {
  mileage: "checkIn",
  fuelEighths: "checkIn",
  damage: "checkIn",
  itemsLeft: "checkIn",
  coversFitted: "checkIn",
  valuablesReminded: "checkIn",
  customerWaits: "checkIn",
  contactPhone: "checkIn",
  wash: "checkIn",
  oldParts: "checkIn",
  "interview.what": "interview",
  lines: "estimate",
  discountFen: "estimate",
  promisedAt: "estimate",
};

/**
 * A time to promise from the earliest the core allows (`YYYY-MM-DD HH:MM`, cut
 * to the minute): a round ten minutes at least five minutes after it, as a desk
 * promises, and still allowed a few minutes later when the customer signs
 * (`16:42` → `16:50`, `16:46` → `17:00`); "" when it cannot be read.
 */
export function roundPromise(earliest: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(earliest.trim());
  if (!match) return "";
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const minutes = Math.ceil((mi + 5) / 10) * 10;
  const at = new Date(Date.UTC(y, mo - 1, d, h, minutes));
  const two = (n: number) => String(n).padStart(2, "0");
  return `${at.getUTCFullYear()}-${two(at.getUTCMonth() + 1)}-${two(at.getUTCDate())} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`;
}
