// Reasons, statuses and decisions in words: a reason's text (milder where the scorecard allows, as recorded
// when recalled later, inside a sentence), a line's standing, a decision.

import {
  type Cause,
  type Decision,
  explain,
  REASONS,
  type ReasonCode,
  type ReasonInfo,
  type RuleFact,
  type ScoreInputs,
  type Status,
} from "../../engine/index.js";

export function reasonText(code: ReasonCode): string {
  return REASONS[code].text;
}

/** `code`'s words on a step whose scorecard read `inputs`: a score reason's milder words (`mild`) when every
 *  characteristic that cites it kept at least half its points — near its maximum, a key factor only for
 *  costing the most of what is left, not "high" or "short" — a cut's cap its words against the limit before
 *  the cut where `facts` (the step's) cite it so (beforeCut), else its text. */
export function reasonTextIn(code: ReasonCode, inputs: ScoreInputs, facts: readonly RuleFact[] = []): string {
  const info: ReasonInfo = REASONS[code];
  // a cut's cap cited against the limit the line had before the cut (its facts heldAt): words true of a
  // line cut beneath the cap, not "below the current limit"
  if (info.beforeCut !== undefined && citedBeforeCut(code, facts)) return info.beforeCut;
  if (info.mild === undefined) return info.text;
  const citing = explain(inputs).filter(
    (f) =>
      (inputs[f.characteristic.id] === null ? f.characteristic.missing?.reason : f.characteristic.reason) ===
      code,
  );
  return citing.length > 0 && citing.every((f) => f.points * 2 >= f.characteristic.max)
    ? info.mild
    : info.text;
}

/** Whether `code` is cited among `facts` against the limit a line had before a cut, every fact of it so
 *  (`heldAt`: a cap between the limit today and that limit). */
export const citedBeforeCut = (code: ReasonCode, facts: readonly RuleFact[]): boolean => {
  const own = facts.filter((f) => f.code === code);
  return own.length > 0 && own.every((f) => f.heldAt !== undefined);
};

/** A decision's reason recalled later (the run's summary, read at its end): in its words for then where
 *  it has them ("A repayment was past due that day", not "… is past due right now" of a line since
 *  repaid), else as the step said it. */
function reasonRecordedIn(code: ReasonCode, inputs: ScoreInputs): string {
  const info: ReasonInfo = REASONS[code];
  return info.recorded ?? reasonTextIn(code, inputs);
}

/** reasonRecordedIn inside a sentence, as customer service recalls the reasons: the summary's
 *  "because: A repayment …; A repayment …; Due dates …" capitalised every reason after a semicolon. */
export const recalledInSentence = (code: ReasonCode, inputs: ScoreInputs): string =>
  sentenceCase(reasonRecordedIn(code, inputs));

/** A line's standing in words: "active", "suspended (credit)", "charged off (credit)" — the cause said
 *  wherever the lender set one. */
export function statusText(status: Status, cause: Cause | null): string {
  const text = status.replace("_", " ");
  return status !== "active" && status !== "none" && cause !== null ? `${text} (${cause})` : text;
}

/** A decision in words, as the trace, the summary and the explanations say it: "limit reduced", "charged
 *  off", "approved lower" — JSON, scenario files' expectations and the reason catalogue keep the
 *  vocabulary's names (`limit_reduced`). */
export const decisionText = (decision: Decision): string => decision.replaceAll("_", " ");

/** Products named in a reason's text: a name, not a word that starts a sentence. */
const PROPER_NOUNS = new Set(["Huabei", "Jiebei"]);

/** A reason's text inside a sentence ("…; the reasons recorded then: huabei balance…" read as a typo): its
 *  first letter in lower case, unless it starts with a product's name. */
export const inSentence = (code: ReasonCode): string => sentenceCase(REASONS[code].text);

/** A reason recorded on an earlier day, inside a sentence: in its words for then, where it has them. */
export const recordedInSentence = (code: ReasonCode): string => {
  const info: ReasonInfo = REASONS[code];
  return sentenceCase(info.recorded ?? info.text);
};

const sentenceCase = (text: string): string => {
  const first = text.split(" ", 1)[0] ?? "";
  return PROPER_NOUNS.has(first) ? text : text.charAt(0).toLowerCase() + text.slice(1);
};
