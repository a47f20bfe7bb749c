// Runs one WASI command under Node's node:wasi, as `node run-wasi.mjs MODULE HOST_DIR GUEST_DIR [ARGS...]`:
// the whole process is what benchmarks/big-guests.sh times. Exits with the guest's exit code.
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';

const [file, hostDir, guestDir, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [file, ...args], env: {}, preopens: { [guestDir]: hostDir },
  returnOnExit: true });
const instance = await WebAssembly.instantiate(await WebAssembly.compile(readFileSync(file)), wasi.getImportObject());
process.exitCode = wasi.start(instance);
