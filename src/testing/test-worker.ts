// Worker-thread entry: runs the files the pool sends, one message each, and answers with the report.
// A crash (a bug, not bad input) is sent back as text so the main thread can fail loudly.

import { parentPort, workerData } from "node:worker_threads";
import type { ScenarioFile } from "./discover.js";
import type { WorkerReply, WorkerTask } from "./pool.js";
import { makeContext, type RunSettings, runOne } from "./run-one.js";

const ctx = makeContext(workerData as RunSettings);
const port = parentPort!;

port.on("message", (task: WorkerTask) => {
  const file: ScenarioFile = task.file;
  let reply: WorkerReply;
  try {
    reply = { index: task.index, result: runOne(file, ctx) };
  } catch (e) {
    reply = { index: task.index, crash: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(reply);
});
