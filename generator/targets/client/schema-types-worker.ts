// Worker entry: openapi-typescript on each document it is sent (already a copy, so it may mutate it).
import { parentPort } from "node:worker_threads";
import openapiTS, { astToString } from "openapi-typescript";

parentPort?.on("message", async ({ id, document }: { id: number; document: unknown }) => {
  try {
    const text = astToString(await openapiTS(document as never, { silent: true }));
    parentPort?.postMessage({ id, text });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
