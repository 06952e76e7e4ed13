// Worker entry: openapi-typescript's transform on each document it is sent (already a copy, so it may mutate it).
import { parentPort } from "node:worker_threads";
import { printOpenapiTypes } from "./openapi-types.js";

parentPort?.on("message", ({ id, document }: { id: number; document: Record<string, unknown> }) => {
  try {
    parentPort?.postMessage({ id, text: printOpenapiTypes(document) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
