// A template around a whole-API text given in pieces (openapi.json's `{{documentJson}}`): the template is rendered
// with a stand-in where the text goes, and the pieces take its place, so the text is never joined into one string.
import { TextPieces, type FileText } from "../write/text.js";
import type { RenderEnv } from "./env.js";

// Whitespace and control characters at both ends: a template that trims, escapes or cuts the value changes the
// stand-in, which is then not found, and the template is rendered with the whole text instead.
const STAND_IN = " \n\u0001specsmith: the pieces go here\u0001\n ";

/**
 * `env.render(folder, name, {...context, [key]: text})` where text is `pieces` joined; as pieces around the
 * template's own text when the template prints the value once, as it is (whatever it prints around it).
 */
export function renderAround(env: RenderEnv, folder: string, name: string, context: Record<string, unknown>, key: string, pieces: readonly string[]): FileText {
  let asked = 0;
  const value = {
    toString() {
      asked++;
      return STAND_IN;
    },
  };
  const text = env.render(folder, name, { ...context, [key]: value });
  const at = text.indexOf(STAND_IN);
  if (asked === 1 && at >= 0 && text.indexOf(STAND_IN, at + 1) < 0) {
    return new TextPieces([text.slice(0, at), ...pieces, text.slice(at + STAND_IN.length)]);
  }
  return env.render(folder, name, { ...context, [key]: pieces.join("") });
}
