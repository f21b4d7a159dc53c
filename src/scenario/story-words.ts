// The words a newcomer takes from the story (the article's, or everyday speech) for the format's own,
// where no spelling is near enough for a "did you mean": a customer "opens" Huabei, calls "customer
// service", changes his "mobile", asks for a "limit increase"; an account is "deactivated", an application
// "rejected", "suspended" for "fraud". Each word says what to write instead; a word the format has no value for (an overdue, which
// the calendar makes) says how the story is told instead.

import type { EventType } from "../engine/index.js";
import { wordKey } from "./synonyms.js";

/** What a word meant: the value it stands for (checked as that), and the hint that says what to write. */
export interface StoryWord {
  /** the format's value the word stands for; undefined when the format has none (the hint says why) */
  value?: string;
  /** an event's fields the value comes with (`type: open` is `type: apply, product: open`) */
  with?: Readonly<Record<string, string>>;
  hint: string;
}

const write = (text: string, why: string): string => `write ${text} (${why})`;

const APPLY_OPEN: StoryWord = {
  value: "apply",
  with: { product: "open" },
  hint: write("type: apply, product: open", "an application to open a line"),
};
const APPLY_INCREASE: StoryWord = {
  value: "apply",
  with: { product: "increase" },
  hint: write("type: apply, product: increase", "an application for a higher limit"),
};
const SUPPORT: StoryWord = {
  value: "contact_support",
  hint: write("type: contact_support", "customer service answers"),
};
const OVERDUE: StoryWord = {
  hint: "an overdue is not an event: leave a bill unpaid past its due day and grace days (repay later, or not at all) and it goes overdue by itself",
};
const profileChange = (field: string): StoryWord => ({
  value: "change_profile",
  with: { field },
  hint: write(`type: change_profile, field: ${field}`, `a change of the bound ${field}`),
});

const EVENT_TYPE_WORDS: Readonly<Record<string, StoryWord>> = {
  open: APPLY_OPEN,
  open_account: APPLY_OPEN,
  open_huabei: APPLY_OPEN,
  activate: APPLY_OPEN,
  signup: APPLY_OPEN,
  increase: APPLY_INCREASE,
  limit_increase: APPLY_INCREASE,
  increase_limit: APPLY_INCREASE,
  raise_limit: APPLY_INCREASE,
  quota_increase: APPLY_INCREASE,
  customer_service: SUPPORT,
  call_customer_service: SUPPORT,
  contact_customer_service: SUPPORT,
  ask_customer_service: SUPPORT,
  call_support: SUPPORT,
  support: SUPPORT,
  overdue: OVERDUE,
  late: OVERDUE,
  late_payment: OVERDUE,
  miss_payment: OVERDUE,
  missed_payment: OVERDUE,
  change_phone: profileChange("phone"),
  change_mobile: profileChange("phone"),
  change_address: profileChange("address"),
  change_device: profileChange("device"),
  change_bankcard: profileChange("bankcard"),
};

const SUSPENDED: StoryWord = {
  value: "suspended",
  hint: "write suspended (stopped for now: `cause` says why — credit, security or policy) or closed (ended)",
};

const STATUS_WORDS: Readonly<Record<string, StoryWord>> = {
  deactivated: SUSPENDED,
  frozen: SUSPENDED,
  blocked: SUSPENDED,
  disabled: SUSPENDED,
  restricted: SUSPENDED,
  inactive: SUSPENDED,
  restored: {
    value: "active",
    hint: write("active", "a restored line is active again; the day's `decision` is restored"),
  },
  normal: { value: "active", hint: write("active", "a line in use") },
};

const PHONE: StoryWord = { value: "phone", hint: 'did you mean "phone"?' };

const FIELD_WORDS: Readonly<Record<string, StoryWord>> = {
  mobile: PHONE,
  mobile_phone: PHONE,
  cellphone: PHONE,
  phone_number: PHONE,
  mobile_number: PHONE,
  telephone: PHONE,
};

const INCREASE: StoryWord = { value: "increase", hint: 'did you mean "increase"?' };

/** `product: huabei`: the line named where what is asked for goes (read as an opening, the likelier). */
function lineProduct(line: string): StoryWord {
  return {
    value: "open",
    with: { line },
    hint: write(
      `product: open, line: ${line} (or product: increase, line: ${line})`,
      "product says what is asked for, line which line",
    ),
  };
}

const PRODUCT_WORDS: Readonly<Record<string, StoryWord>> = {
  increase_limit: INCREASE,
  limit_increase: INCREASE,
  raise_limit: INCREASE,
  quota_increase: INCREASE,
  raise: INCREASE,
  open_account: { value: "open", hint: 'did you mean "open"?' },
  // the product named for the line: which line goes in `line:`, what is asked for in `product:`
  huabei: lineProduct("huabei"),
  jiebei: lineProduct("jiebei"),
};

const DECLINED: StoryWord = { value: "declined", hint: 'did you mean "declined"?' };

const DECISION_WORDS: Readonly<Record<string, StoryWord>> = {
  rejected: DECLINED,
  denied: DECLINED,
  refused: DECLINED,
  deactivated: { ...SUSPENDED, hint: 'did you mean "suspended"?' },
  frozen: { ...SUSPENDED, hint: 'did you mean "suspended"?' },
  reinstated: { value: "restored", hint: 'did you mean "restored"?' },
};

// the article's three causes in its own words (a score's decline, abnormal behaviour, a policy adjustment),
// and the customer's and the unused line's closures in everyday ones
const CREDIT: StoryWord = {
  value: "credit",
  hint: write("credit", "a falling score, a line past due or too much debt: the customer's credit"),
};
const SECURITY: StoryWord = {
  value: "security",
  hint: write(
    "security",
    "abnormal account behaviour: bound details changed too often, or a burst of large transactions",
  ),
};
const POLICY: StoryWord = {
  value: "policy",
  hint: write("policy", "a policy adjustment: the lender's standards changed, the customer did not"),
};
const CUSTOMER: StoryWord = {
  value: "customer",
  hint: write("customer", "closed at the customer's request"),
};
const DORMANT: StoryWord = { value: "dormant", hint: write("dormant", "closed as left unused") };

const CAUSE_WORDS: Readonly<Record<string, StoryWord>> = {
  score: CREDIT,
  credit_score: CREDIT,
  low_score: CREDIT,
  overdue: CREDIT,
  delinquency: CREDIT,
  debt: CREDIT,
  fraud: SECURITY,
  suspected_fraud: SECURITY,
  abnormal: SECURITY,
  abnormal_behavior: SECURITY,
  abnormal_behaviour: SECURITY,
  security_risk: SECURITY,
  suspicious: SECURITY,
  cash_out: SECURITY,
  regulation: POLICY,
  regulatory: POLICY,
  policy_adjustment: POLICY,
  policy_change: POLICY,
  user: CUSTOMER,
  customer_request: CUSTOMER,
  voluntary: CUSTOMER,
  unused: DORMANT,
  inactive: DORMANT,
  inactivity: DORMANT,
  idle: DORMANT,
};

/** A table keyed as words are looked up (synonyms.ts `wordKey`: `open_account`, `openAccount`, `Open Account`). */
const looked = (words: Readonly<Record<string, StoryWord>>): Readonly<Record<string, StoryWord>> =>
  Object.fromEntries(Object.entries(words).map(([word, meant]) => [wordKey(word), meant]));

/** The words, by the field they are written in (an event's `type`, an event's or an expectation's value). */
const BY_FIELD: Readonly<Record<string, Readonly<Record<string, StoryWord>>>> = {
  type: looked(EVENT_TYPE_WORDS),
  status: looked(STATUS_WORDS),
  field: looked(FIELD_WORDS),
  product: looked(PRODUCT_WORDS),
  decision: looked(DECISION_WORDS),
  cause: looked(CAUSE_WORDS),
};

/** What `word`, written in the field `field`, meant; undefined when it is none of the words known. */
export function storyWord(field: PropertyKey | undefined, word: unknown): StoryWord | undefined {
  if (typeof field !== "string" || typeof word !== "string" || !Object.hasOwn(BY_FIELD, field))
    return undefined;
  const words = BY_FIELD[field]!;
  const k = wordKey(word);
  return Object.hasOwn(words, k) ? words[k] : undefined;
}

/** The event type a word stands for, when it is one of the words known for one. */
export const storyEventType = (type: unknown): EventType | undefined =>
  storyWord("type", type)?.value as EventType | undefined;
