// The repayment grid's codes, as a credit report's key prints them: one list, so the terminal and the HTML
// page say the same thing about the same code.

export interface GridCode {
  code: string;
  text: string;
}

export const GRID_LEGEND: readonly GridCode[] = [
  { code: "N", text: "paid as due" },
  { code: "*", text: "nothing due" },
  { code: "1–7", text: "past due, by 30-day stage" },
  { code: "C", text: "closed, settled" },
  { code: "G", text: "charged off" },
  { code: "#", text: "not open yet" },
];
