export { buildApi } from "./api.js";
export { toCasings, toTitle, splitWords } from "./casing.js";
export type * from "./types.js";
