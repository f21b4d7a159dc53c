// The interactive session's prompts (inquirer), themed by the session's colour. Inquirer colours its
// prompts by its own reading of the terminal (NO_COLOR, TERM=dumb), which `--no-color` never reaches:
// with the session's colour off, every prompt gets the same marks and words without colour, bold or dim.

import { checkbox, confirm, input, select } from "@inquirer/prompts";
import type { ChalkInstance } from "chalk";

const plain = (text: string) => text;

const PLAIN = {
  prefix: { idle: "?", done: "✔" },
  spinner: { interval: 80, frames: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"] },
  icon: { cursor: "❯", checked: "◉", unchecked: "◯" },
  style: {
    answer: plain,
    message: plain,
    error: (text: string) => `> ${text}`,
    defaultAnswer: (text: string) => `(${text})`,
    help: plain,
    highlight: plain,
    key: (text: string) => `<${text}>`,
    description: plain,
    disabled: (text: string) => `- ${text}`,
    disabledChoice: (text: string) => `- ${text}`,
    keysHelpTip: (keys: [key: string, action: string][]) =>
      keys.map(([key, action]) => `${key} ${action}`).join(" • "),
  },
};

/** The four prompts the session asks with, each given the theme of the session's colour. */
export function prompts(c: ChalkInstance) {
  const theme = c.level === 0 ? PLAIN : undefined;
  return {
    select: <V>(config: Parameters<typeof select<V>>[0]) => select<V>({ ...config, theme }),
    checkbox: <V>(config: Parameters<typeof checkbox<V>>[0]) => checkbox<V>({ ...config, theme }),
    input: (config: Parameters<typeof input>[0]) => input({ ...config, theme }),
    confirm: (config: Parameters<typeof confirm>[0]) => confirm({ ...config, theme }),
  };
}

export type Prompts = ReturnType<typeof prompts>;

/** The last choice of a list the menu leads to: back to the menu with nothing changed (inquirer's lists
 *  take no Escape — a parameter chosen by mistake had to be typed in again unchanged to get out). */
export const BACK = { name: "← back to the menu", value: null } as const;
