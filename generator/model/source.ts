// The subset of the loader's result the model builders read (kept narrow so builders are easy to test).
export interface SpecFile {
  rel: string;
  doc: any;
}

export interface SpecEndpointFile extends SpecFile {
  path: string;
}

export interface ResolvedRef {
  file: SpecFile;
  pointer: string;
  value: unknown;
}

export interface SpecInput {
  apiId: string;
  shared: SpecFile | null;
  endpoints: readonly SpecEndpointFile[];
  resolve(fromRel: string, ref: string): ResolvedRef;
  /** rel → hash of the file and the files its $refs reach (the loader's); lets buildApi reuse unchanged endpoints. */
  inputHashes?: ReadonlyMap<string, string>;
}
