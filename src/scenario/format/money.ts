// Money in words: ¥1,234.50 from fen or yuan, to the whole yuan, and a signed count.

import { type Fen, fenToYuan } from "../../engine/index.js";

/** ¥1,234.50 */
export function money(fen: Fen): string {
  const [whole = "0", cents = "00"] = fenToYuan(Math.abs(fen)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${fen < 0 ? "−" : ""}¥${grouped}.${cents}`;
}

/** ¥1,234.50 from yuan (reports that keep money in yuan: the HTML page, what-if's advice). */
export const yuanText = (yuan: number): string => money(Math.round(yuan * 100));

/** ¥1,235 from yuan, to the whole yuan (a population's amounts): rounded half away from zero, so that a loss
 *  and a negative profit of one amount read alike, and never "−¥0". */
export const wholeYuanText = (yuan: number): string =>
  money(Math.sign(yuan) * Math.round(Math.abs(yuan)) * 100).slice(0, -".00".length);

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "±0";
}
