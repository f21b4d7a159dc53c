// Number and column formatting shared by the population report's tables.

export const num = (x: number, digits: number) => (x < 0 ? `−${(-x).toFixed(digits)}` : x.toFixed(digits));
export const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)} %`);
/** A rate to two decimals, where a difference is read beside it. */
export const pct2 = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(2)} %`);
export const int = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
/** "1 account", "1,200 accounts" */
export const accountsText = (n: number) => `${int(n)} account${n === 1 ? "" : "s"}`;
export const yuanInt = (y: number) => `¥${int(Math.round(y))}`;
/** Yuan to the fen, with thousands separators and a true minus sign: −¥1,090.59. */
export const yuan2 = (y: number) =>
  `${y < 0 ? "−" : ""}¥${(Math.abs(y).toFixed(2)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
export const pad = (s: string, w: number) => (s.length >= w ? s : s + " ".repeat(w - s.length));
export const lpad = (s: string, w: number) => (s.length >= w ? s : " ".repeat(w - s.length) + s);
export const ratio = (x: number | null) => (x === null ? "–" : num(x, 2));
