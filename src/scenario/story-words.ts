// The words a newcomer takes from the story (the article's, or everyday speech) for the format's own,
// where no spelling is near enough for a "did you mean": a customer "opens" Huabei, calls "customer
// service", changes his "mobile", asks for a "limit increase"; an account is "deactivated", an application
// "rejected", "suspended" for "fraud". Each word says what to write instead; a word the format has no value for (an overdue, which
// the calendar makes) says how the story is told instead. The story is a Chinese customer's, and so are its
// words in Chinese: 花呗 and 借呗 are the lines, 手机 the bound phone, 提额 an increase, 暂停 a suspension,
// 逾期 an overdue — no spelling is near them, and a value in Chinese read no hint at all.

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

/** An event type named in another language: what to write, and what it is. */
function eventType(type: string, what: string): StoryWord {
  return { value: type, hint: write(`type: ${type}`, what) };
}

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
  // in Chinese
  开通: APPLY_OPEN,
  开通花呗: APPLY_OPEN,
  开户: APPLY_OPEN,
  提额: APPLY_INCREASE,
  申请提额: APPLY_INCREASE,
  提升额度: APPLY_INCREASE,
  客服: SUPPORT,
  联系客服: SUPPORT,
  逾期: OVERDUE,
  更换手机: profileChange("phone"),
  更换手机号: profileChange("phone"),
  换手机: profileChange("phone"),
  换手机号: profileChange("phone"),
  更换地址: profileChange("address"),
  换地址: profileChange("address"),
  更换设备: profileChange("device"),
  换设备: profileChange("device"),
  更换银行卡: profileChange("bankcard"),
  换银行卡: profileChange("bankcard"),
  消费: eventType("purchase", "a purchase on Huabei"),
  购物: eventType("purchase", "a purchase on Huabei"),
  还款: eventType("repay", "a repayment"),
  借款: eventType("borrow", "a Jiebei cash loan"),
  借钱: eventType("borrow", "a Jiebei cash loan"),
  身份验证: eventType("verify_identity", "the customer verifies her identity"),
  实名认证: eventType("verify_identity", "the customer verifies her identity"),
  申请复核: eventType("request_review", "an early restoration review"),
  复核: eventType("request_review", "an early restoration review"),
  注销: eventType("close", "the customer closes a line"),
  关闭: eventType("close", "the customer closes a line"),
  政策调整: eventType("policy", "the lender's policy changes"),
  备注: eventType("note", "a note on the timeline"),
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
  // in Chinese
  暂停: SUSPENDED,
  冻结: SUSPENDED,
  停用: SUSPENDED,
  关停: SUSPENDED,
  正常: { value: "active", hint: write("active", "a line in use") },
  恢复: {
    value: "active",
    hint: write("active", "a restored line is active again; the day's `decision` is restored"),
  },
  关闭: { value: "closed", hint: write("closed", "a line that has ended: `cause` says why") },
  注销: { value: "closed", hint: write("closed", "a line that has ended: `cause` says why") },
};

const PHONE: StoryWord = { value: "phone", hint: 'did you mean "phone"?' };

const FIELD_WORDS: Readonly<Record<string, StoryWord>> = {
  mobile: PHONE,
  mobile_phone: PHONE,
  cellphone: PHONE,
  phone_number: PHONE,
  mobile_number: PHONE,
  telephone: PHONE,
  // in Chinese
  手机: { value: "phone", hint: write("phone", "the bound mobile phone") },
  手机号: { value: "phone", hint: write("phone", "the bound mobile phone") },
  手机号码: { value: "phone", hint: write("phone", "the bound mobile phone") },
  地址: { value: "address", hint: write("address", "the bound address") },
  收货地址: { value: "address", hint: write("address", "the bound address") },
  设备: { value: "device", hint: write("device", "the bound device") },
  银行卡: { value: "bankcard", hint: write("bankcard", "the bound bank card") },
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
  // in Chinese
  提额: { value: "increase", hint: write("increase", "an application for a higher limit") },
  开通: { value: "open", hint: write("open", "an application to open a line") },
  花呗: lineProduct("huabei"),
  借呗: lineProduct("jiebei"),
};

/** A line named in Chinese (`line: 花呗`). */
const LINE_WORDS: Readonly<Record<string, StoryWord>> = {
  花呗: { value: "huabei", hint: write("huabei", "花呗, the revolving line") },
  借呗: { value: "jiebei", hint: write("jiebei", "借呗, the cash-loan line") },
};

const DECLINED: StoryWord = { value: "declined", hint: 'did you mean "declined"?' };

const DECISION_WORDS: Readonly<Record<string, StoryWord>> = {
  rejected: DECLINED,
  denied: DECLINED,
  refused: DECLINED,
  deactivated: { ...SUSPENDED, hint: 'did you mean "suspended"?' },
  frozen: { ...SUSPENDED, hint: 'did you mean "suspended"?' },
  reinstated: { value: "restored", hint: 'did you mean "restored"?' },
  // in Chinese
  拒绝: { value: "declined", hint: write("declined", "an application or a purchase refused") },
  未通过: { value: "declined", hint: write("declined", "an application or a purchase refused") },
  通过: { value: "approved", hint: write("approved", "granted as asked; approved_lower when less") },
  批准: { value: "approved", hint: write("approved", "granted as asked; approved_lower when less") },
  暂停: { value: "suspended", hint: write("suspended", "the line stopped for now") },
  冻结: { value: "suspended", hint: write("suspended", "the line stopped for now") },
  恢复: { value: "restored", hint: write("restored", "a suspended line given back") },
  降额: { value: "limit_reduced", hint: write("limit_reduced", "the limit cut at a review") },
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
  // in Chinese: the article's three causes
  信用: CREDIT,
  信用分: CREDIT,
  逾期: CREDIT,
  负债: CREDIT,
  安全: SECURITY,
  异常: SECURITY,
  账户异常: SECURITY,
  政策: POLICY,
  政策调整: POLICY,
  主动注销: CUSTOMER,
  闲置: DORMANT,
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
  line: looked(LINE_WORDS),
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
