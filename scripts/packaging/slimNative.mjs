// Makes a target's DuckDB library smaller without changing what it runs.
//  - darwin: the npm package ships libduckdb.dylib as a universal (fat) Mach-O with both the
//    x86_64 and the arm64 code; a target needs one. The slice is cut out byte for byte, as
//    `lipo -thin` does: each slice carries its own code signature, so it stays valid.
//  - linux: `strip --strip-unneeded` drops the static symbol table (.symtab/.strtab, not
//    needed to load or link: .dynsym stays), when this host's binutils read the ELF's machine.
//    Elsewhere the file ships as published. PE and Mach-O files are never rewritten: a
//    changed byte breaks their signature.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MACHO_CPU } from './targets.mjs';

const FAT_MAGIC = 0xcafebabe;
const FAT_MAGIC_64 = 0xcafebabf;
const MH_MAGIC_64 = 0xfeedfacf;
const ELF_MAGIC = 0x7f454c46;

/** Slims every native file in an unpacked binding folder; returns one note per file it changed or left. */
export function slimBinding(folder, target) {
  const notes = [];
  for (const entry of readdirSync(folder)) {
    const file = join(folder, entry);
    const before = statSync(file).size;
    let changed = false;
    if (target.os === 'darwin') changed = thinMachO(file, MACHO_CPU[target.arch]);
    else if (target.os === 'linux' && isElf(file)) changed = stripElf(file);
    else continue;
    if (changed) notes.push(`${entry}: ${mb(before)} → ${mb(statSync(file).size)} (${target.os === 'darwin' ? 'one Mach-O slice' : 'stripped'})`);
    else if (target.os === 'linux') notes.push(`${entry}: not stripped (this host's strip cannot read it)`);
  }
  return notes;
}

/** Keeps only the slice for cpuType of a fat Mach-O file; false when the file is not fat. */
export function thinMachO(file, cpuType) {
  const bytes = readFileSync(file);
  const magic = bytes.length >= 8 ? bytes.readUInt32BE(0) : 0;
  if (magic !== FAT_MAGIC && magic !== FAT_MAGIC_64) return false;
  const wide = magic === FAT_MAGIC_64;
  const count = bytes.readUInt32BE(4);
  const found = [];
  for (let index = 0; index < count; index++) {
    const at = 8 + index * (wide ? 32 : 20);
    const cpu = bytes.readUInt32BE(at);
    const offset = wide ? Number(bytes.readBigUInt64BE(at + 8)) : bytes.readUInt32BE(at + 8);
    const size = wide ? Number(bytes.readBigUInt64BE(at + 16)) : bytes.readUInt32BE(at + 12);
    found.push(`0x${cpu.toString(16)}`);
    if (cpu !== cpuType) continue;
    if (offset + size > bytes.length) throw new Error(`${file}: the fat header's slice for cputype 0x${cpu.toString(16)} runs past the end of the file`);
    const slice = bytes.subarray(offset, offset + size);
    if (slice.readUInt32LE(0) !== MH_MAGIC_64 || slice.readUInt32LE(4) !== cpuType) {
      throw new Error(`${file}: the slice for cputype 0x${cpu.toString(16)} is not a 64-bit Mach-O of that CPU`);
    }
    writeFileSync(file, slice);
    return true;
  }
  throw new Error(`${file} is a universal Mach-O without a slice for cputype 0x${cpuType.toString(16)} (it holds ${found.join(', ')}): this DuckDB release does not support the target`);
}

function isElf(file) {
  const head = Buffer.alloc(4);
  const descriptor = openSync(file, 'r');
  try {
    return readSync(descriptor, head, 0, 4, 0) === 4 && head.readUInt32BE(0) === ELF_MAGIC;
  } finally {
    closeSync(descriptor);
  }
}

function stripElf(file) {
  const stripped = `${file}.stripped`;
  try {
    execFileSync('strip', ['--strip-unneeded', '-o', stripped, file], { stdio: 'ignore' });
  } catch {
    rmSync(stripped, { force: true });
    return false;
  }
  renameSync(stripped, file);
  return true;
}

function mb(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
