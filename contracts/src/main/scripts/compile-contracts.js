// Compiles every .sol file of a source folder with the pinned solc-js (root package-lock.json)
// through its standard-JSON interface, because the solcjs CLI cannot pin the EVM version
// (TOOLCHAIN.md §5d). Writes <Contract>.abi and <Contract>.bin for each deployable contract into the
// output folder, and does nothing when every output is newer than every source and this script.
//
// usage: node compile-contracts.js <source dir> <output dir> <evm version>
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const [sourceDir, outDir, evmVersion] = process.argv.slice(2);
if (!sourceDir || !outDir || !evmVersion) {
  console.error('usage: node compile-contracts.js <source dir> <output dir> <evm version>');
  process.exit(2);
}

const sources = fs.readdirSync(sourceDir).filter((f) => f.endsWith('.sol')).sort();
const stamp = path.join(outDir, '.compiled');
const newestInput = Math.max(
  fs.statSync(__filename).mtimeMs,
  ...sources.map((f) => fs.statSync(path.join(sourceDir, f)).mtimeMs));
if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs > newestInput
    && fs.readFileSync(stamp, 'utf8') === `${solc.version()} ${evmVersion}\n`) {
  console.log(`contracts up to date in ${outDir}`);
  process.exit(0);
}

const input = {
  language: 'Solidity',
  sources: Object.fromEntries(sources.map((f) => [f, { content: fs.readFileSync(path.join(sourceDir, f), 'utf8') }])),
  settings: {
    // Upstream codex-contracts-eth builds with the optimizer at 1000 runs for evm "paris"
    // (spec node.md §5, hardhat.config.js).
    optimizer: { enabled: true, runs: 1000 },
    evmVersion,
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const findImports = (p) => {
  const file = path.join(sourceDir, p);
  return fs.existsSync(file) ? { contents: fs.readFileSync(file, 'utf8') } : { error: `import not found: ${p}` };
};
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
(output.errors || []).forEach((e) => console.error(e.formattedMessage));
if (errors.length > 0) process.exit(1);

fs.mkdirSync(outDir, { recursive: true });
let written = 0;
for (const file of Object.keys(output.contracts)) {
  for (const [name, contract] of Object.entries(output.contracts[file])) {
    // Interfaces and abstract contracts have no bytecode; internal libraries have no ABI.
    if (!contract.evm.bytecode.object || contract.abi.length === 0) continue;
    fs.writeFileSync(path.join(outDir, `${name}.abi`), JSON.stringify(contract.abi));
    fs.writeFileSync(path.join(outDir, `${name}.bin`), contract.evm.bytecode.object);
    written++;
  }
}
fs.writeFileSync(stamp, `${solc.version()} ${evmVersion}\n`);
console.log(`compiled ${written} contracts with solc ${solc.version()} (evm ${evmVersion}) into ${outDir}`);
