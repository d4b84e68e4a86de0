import type {
  ContactChannel,
  ContactDays,
  ContactMethod,
  CustomerInput,
  CustomerKind,
  FollowUpMethod,
  Gender,
  Membership,
} from "../../../api";

/** The choices of each list field, in the order the form shows them. */
export const KINDS: readonly CustomerKind[] = ["person", "company"];
export const GENDERS: readonly Gender[] = ["male", "female"];
export const CONTACT_METHODS: readonly ContactMethod[] = ["phone", "sms", "wechat", "email", "visit"];
export const CONTACT_DAYS: readonly ContactDays[] = ["any", "workday", "weekend"];
/** How a contact happened (联系记录), in the order the log offers them. */
export const CONTACT_CHANNELS: readonly ContactChannel[] = ["call", "visit", "gift", "sms", "wechat", "email", "letter"];
export const FOLLOW_UP_METHODS: readonly FollowUpMethod[] = ["mobile", "landline", "sms", "wechat"];
export const MEMBERSHIPS: readonly Membership[] = ["normal", "silver", "gold", "platinum"];
export const NOTES = ["personality", "relationships", "work", "education"] as const;

/** The form's own copy of a customer as read: editing it never changes the file it came from. */
export function copyCustomer(customer: CustomerInput): CustomerInput {
  return {
    ...customer,
    otherPhones: customer.otherPhones.map((phone) => ({ ...phone })),
    notes: { ...customer.notes },
  };
}

/** What the form sends: as typed, except that a company has no gender (the form hides it). */
export function customerInput(form: CustomerInput): CustomerInput {
  return { ...copyCustomer(form), gender: form.kind === "company" ? null : form.gender };
}

/** True when the form holds something the file read as `baseline` does not. */
export function isEdited(form: CustomerInput, baseline: CustomerInput): boolean {
  return JSON.stringify(customerInput(form)) !== JSON.stringify(customerInput(baseline));
}

/**
 * Whether a file read anew replaces what the form shows: always, except when
 * the form holds edits and the customer itself did not change (a contact or
 * points line was added meanwhile), so nothing typed is lost.
 */
export function replacesForm(incoming: CustomerInput, baseline: CustomerInput, form: CustomerInput): boolean {
  return incoming.id !== baseline.id || incoming.version !== baseline.version || !isEdited(form, baseline);
}
