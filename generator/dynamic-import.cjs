// import() of a module known only at run time (`specsmith import <package>#<export>`; see import-url.ts). The
// CLI's bundle runs as a vm script (code-cache.ts, for V8's code cache), where node 20 has no import() of its
// own (a script compiled from a code cache loses it). Node compiles this CommonJS file itself, so its import() works
// wherever it is required from. Plain JavaScript: the build copies it into dist/ (scripts/bundle-cli.js).
module.exports = (url) => import(url);
