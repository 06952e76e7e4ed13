// Worker entry: openapi-typescript's transform on each document it is sent (already a copy, so it may mutate it).
import { parentPort } from "node:worker_threads";
import { runSchemaTaskOn } from "./schema-all.js";
import type { SchemaTask } from "./schema-types.js";

parentPort?.on("message", ({ id, task, document }: { id: number; task: SchemaTask; document: Record<string, unknown> }) => {
  try {
    parentPort?.postMessage({ id, result: runSchemaTaskOn(task, document) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
