// Writes the `filesystem` tree a YoWASP package's resources module exports (its share directory: techmap.v and the
// rest, as strings) to a directory, so that other runtimes can mount it: node materialize-tree.mjs RESOURCES.js OUT
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [resources, out] = process.argv.slice(2);
const { filesystem } = await import(pathToFileURL(resolve(resources)).href);
function write(tree, dir) {
  mkdirSync(dir, { recursive: true });
  for (const [name, value] of Object.entries(tree)) {
    if (typeof value === "string" || value instanceof Uint8Array) writeFileSync(join(dir, name), value);
    else write(value, join(dir, name));
  }
}
write(filesystem, out);
