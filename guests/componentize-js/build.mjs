// Makes app.js a WASI 0.2 component with componentize-js: node build.mjs OUT.wasm (componentize-js installed beside).
import { componentize } from "@bytecodealliance/componentize-js";
import { writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const { component } = await componentize({
  sourcePath: resolve(here, "app.js"),
  witPath: resolve(here, "wit"),
  worldName: "greeter",
  disableFeatures: ["http", "fetch-event"], // a library: no wasi:http
});
await writeFile(process.argv[2], component);
console.log(`built ${process.argv[2]} (${component.length} bytes)`);
