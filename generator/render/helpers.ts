// Handlebars helpers shared by every target. Layout and escaping live in tested modules; helpers only expose them.
import type Handlebars from "handlebars";

export function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper("json", (value: unknown, indent?: unknown) =>
    JSON.stringify(value, null, typeof indent === "number" ? indent : 2),
  );
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hb.registerHelper("not", (a: unknown) => !a);
  hb.registerHelper("join", (list: unknown, sep: unknown) =>
    Array.isArray(list) ? list.join(typeof sep === "string" ? sep : ", ") : "",
  );
}
