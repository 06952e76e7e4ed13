// Builds an in-memory SpecInput (what the loader returns) for model builder tables.
import type { SpecEndpointFile, SpecFile, SpecInput } from "../../generator/model/source.js";

export function specInput(opts: { shared?: any; endpoints: Record<string, any> }): SpecInput {
  const shared: SpecFile | null = opts.shared ? { rel: "_api.yaml", doc: opts.shared } : null;
  const endpoints: SpecEndpointFile[] = Object.entries(opts.endpoints).map(([rel, doc]) => ({
    rel,
    doc,
    path: Object.keys(doc.paths)[0] as string,
  }));
  const files = new Map<string, SpecFile>([...endpoints, ...(shared ? [shared] : [])].map((f) => [f.rel, f]));
  return {
    apiId: "test",
    shared,
    endpoints,
    resolve(fromRel, ref) {
      const [filePart, pointer = ""] = ref.split("#");
      const rel = filePart ? normalise(fromRel, filePart) : fromRel;
      const file = files.get(rel);
      if (!file) throw new Error(`no file ${rel}`);
      let value: any = file.doc;
      for (const seg of pointer.split("/").slice(1)) value = value?.[seg.replace(/~1/g, "/").replace(/~0/g, "~")];
      if (value === undefined) throw new Error(`unresolved ${ref}`);
      return { file, pointer, value };
    },
  };
}

function normalise(fromRel: string, relRef: string): string {
  const parts = fromRel.split("/").slice(0, -1);
  for (const seg of relRef.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** A one-path endpoint document. */
export function endpointDoc(path: string, item: Record<string, unknown>, components: Record<string, unknown> = {}): any {
  return { openapi: "3.0.0", info: { title: "T", version: "1" }, paths: { [path]: item }, components };
}
