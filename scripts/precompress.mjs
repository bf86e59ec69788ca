// Writes NAME.br and NAME.gz beside each bundle file given (brotli at its best quality for
// releases, a faster one for debug builds), so the server sends them without compressing
// on every request. Usage: node scripts/precompress.mjs [--fast] FILE...
import { readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const args = process.argv.slice(2);
const fast = args[0] === "--fast";
const files = fast ? args.slice(1) : args;
for (const file of files) {
  const data = readFileSync(file);
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: fast ? 5 : 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
}
