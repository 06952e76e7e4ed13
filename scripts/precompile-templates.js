#!/usr/bin/env node
// Part of `npm run build` (after tsc): compiles the bundled templates into dist/templates-precompiled.json
// (see generator/render/template-precompile.ts).
import { writeFileSync } from "node:fs";
import { BUNDLED_TEMPLATES } from "../dist/render/env.js";
import { PRECOMPILED_FILE, precompiledFileText } from "../dist/render/template-precompile.js";

writeFileSync(PRECOMPILED_FILE, precompiledFileText(BUNDLED_TEMPLATES));
