// Daily charges in whole fen. Rates are simple daily rates on a principal (0.0005 = 0.05 % a day), counted
// on actual days; a charge is never charged interest itself. Each daily charge is kept to a thousandth of a
// fen and the fraction carries to the next day, so a small balance is charged its true rate (0.5 fen a day
// on ¥10 at 0.05 %) instead of a rounded fen a day.

import type { Fen } from "./types.js";

const MILLI = 1000;

/** A running fraction of a fen, in milli-fen (one per interest-bearing bucket). */
export interface Carry {
  milli: number;
}

export const newCarry = (): Carry => ({ milli: 0 });

/** A carry's copy, a literal as newCarry's (a fork's: revolving.copied). */
export const copyCarry = (c: Carry): Carry => ({ milli: c.milli });

/** `days` daily charges at `rate` on `principal`, in whole fen; the fraction stays in `carry`. */
export function dailyCharges(carry: Carry, principal: Fen, rate: number, days: number): Fen {
  if (principal <= 0 || rate <= 0 || days <= 0) return 0;
  const perDay = Math.round(principal * rate * MILLI);
  const total = carry.milli + days * perDay;
  const fen = Math.floor(total / MILLI);
  carry.milli = total - fen * MILLI;
  return fen;
}

/** What `dailyCharges` will charge over the next `days` if the principal stays as it is (the carry makes
 *  one bulk charge and day-by-day charges equal): what a payment made early must cover. */
export function chargesAhead(carry: Carry, principal: Fen, rate: number, days: number): Fen {
  return chargesAheadFrom(carry.milli, principal, rate, days);
}

/** `chargesAhead` from a carry of `milli` (what a carry will hold once fractions join it first: loans/instalment.ts),
 *  the whole fen that `milli` itself makes counted too — charged whatever the days, as a join charges them. */
export function chargesAheadFrom(milli: number, principal: Fen, rate: number, days: number): Fen {
  const whole = Math.floor(milli / MILLI);
  if (principal <= 0 || rate <= 0 || days <= 0) return whole;
  return Math.floor((milli + days * Math.round(principal * rate * MILLI)) / MILLI);
}
