// Writes a brotli (.br) and a gzip (.gz) copy beside every text asset of the built app, once at
// build time, so the server sends compressed bytes without compressing on each request.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

// The built app's folder; another one can be named (tests do).
const dist = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest|wasm|onnx)$/;
/** Below this, compression saves less than the header it costs. */
const MIN_BYTES = 1024;

function* files(folder) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (COMPRESSIBLE.test(entry.name)) yield full;
  }
}

let raw = 0;
let brotli = 0;
let gzip = 0;
let count = 0;
for (const file of files(dist)) {
  const bytes = fs.readFileSync(file);
  if (bytes.length < MIN_BYTES) continue;
  const br = zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  const gz = zlib.gzipSync(bytes, { level: zlib.constants.Z_BEST_COMPRESSION });
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, gz);
  raw += bytes.length;
  brotli += br.length;
  gzip += gz.length;
  count += 1;
}
const kB = (n) => `${(n / 1024).toFixed(0)} kB`;
console.log(`compressed ${count} files: ${kB(raw)} → brotli ${kB(brotli)}, gzip ${kB(gzip)}`);
