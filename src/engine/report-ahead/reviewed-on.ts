// The lines as a coming periodic review leaves them.

import type { StepOutcome } from "../apply-verdict.js";
import type { Calendar } from "../calendar.js";
import type { Customer } from "../customer.js";
import { review as reviewOf } from "../scheduled.js";
import { stateOf } from "./copy.js";
import { openingOn } from "./report.js";

/** A copy of the customer after the periodic review on `review` (after `day`, or `day` itself: that day's
 *  review comes after the customer's events, the day not yet closed), nothing more done by the customer
 *  until then than each bill and instalment falling due met at its minimum (openingOn): the lines as that
 *  review leaves them — Huabei reviewed first, Jiebei on the file Huabei's review left. */
export function reviewedOn(c: Customer, day: number, calendar: Calendar, review: number): Customer {
  return reviewOutcome(c, day, calendar, review).customer;
}

/** reviewedOn, with the review's steps: what it decided, each with its reasons and facts. */
export function reviewOutcome(
  c: Customer,
  day: number,
  calendar: Calendar,
  review: number,
): { customer: Customer; steps: readonly StepOutcome[] } {
  const s = stateOf(review > day ? openingOn(c, day, calendar, review) : c, review, calendar);
  const steps = reviewOf(s);
  return { customer: s.customer, steps };
}
