// Name casings for every language a target prints.
import type { Casings } from "./types.js";

/** Splits `removeDevices`, `remove_devices`, `remove-devices`, `RemoveDevices`, `HTTPServer` into lower-case words. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function toCasings(name: string): Casings {
  const words = splitWords(name);
  const pascal = words.map(capitalize).join("");
  return {
    original: name,
    snake: words.join("_"),
    camel: pascal.charAt(0).toLowerCase() + pascal.slice(1),
    pascal,
    kebab: words.join("-"),
  };
}

/** `acs_users` → `Acs Users`: a readable title for a route without metadata. */
export function toTitle(name: string): string {
  return splitWords(name).map(capitalize).join(" ");
}
