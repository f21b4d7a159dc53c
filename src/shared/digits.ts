// A number or a date typed in another script's digits: ٥ (Arabic-Indic), ۵ (Persian), ५ (Devanagari), ５
// (full-width, a CJK input method's), 𝟓 (mathematical) — each is a decimal digit to Unicode (\p{Nd}), and
// the one meant is its ASCII digit. Nothing here reads them as numbers: a value is written in ASCII digits,
// and these say what to write instead.

const DIGIT = /\p{Nd}/u;

/** The value (0–9) of a decimal digit of any script. Unicode encodes each script's digits as a run of ten
 *  code points from its zero up (the mathematical ones as five such runs in a row). */
function digitValue(code: number): number {
  let zero = code;
  while (DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return (code - zero) % 10;
}

/** `text` in NFKC (full-width signs, points and dashes as ASCII ones) with every decimal digit of any
 *  script as its ASCII digit: the same text when it has none. */
export function asciiDigits(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\p{Nd}/gu, (c) => (c >= "0" && c <= "9" ? c : String(digitValue(c.codePointAt(0)!))));
}
