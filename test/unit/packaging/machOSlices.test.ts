import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDirectory } from '../support/tempDirectory';

// The darwin packages keep one slice of DuckDB's universal libduckdb.dylib. macOS cannot run
// here, so the cut is checked on synthetic universal files byte for byte; the packaging test
// checks the real archives' headers.

const root = join(__dirname, '..', '..', '..', '..');
// scripts/ is ES modules; Node 20.19+ loads them with require().
const { thinMachO } = require(join(root, 'scripts', 'packaging', 'slimNative.mjs')) as { thinMachO(file: string, cpuType: number): boolean };

const X86_64 = 0x01000007;
const ARM64 = 0x0100000c;

/** A 64-bit Mach-O header for cpuType followed by filler that tells the slices apart. */
function slice(cpuType: number, fill: number, length: number): Buffer {
  const bytes = Buffer.alloc(length, fill);
  bytes.writeUInt32LE(0xfeedfacf, 0);
  bytes.writeUInt32LE(cpuType, 4);
  return bytes;
}

/** A universal file: fat header (32- or 64-bit entries), then each slice at a 4096 boundary. */
function universal(slices: { cpu: number; bytes: Buffer }[], wide = false): Buffer {
  const header = Buffer.alloc(4096);
  header.writeUInt32BE(wide ? 0xcafebabf : 0xcafebabe, 0);
  header.writeUInt32BE(slices.length, 4);
  let offset = header.length;
  slices.forEach(({ cpu, bytes }, index) => {
    const at = 8 + index * (wide ? 32 : 20);
    header.writeUInt32BE(cpu, at);
    if (wide) {
      header.writeBigUInt64BE(BigInt(offset), at + 8);
      header.writeBigUInt64BE(BigInt(bytes.length), at + 16);
    } else {
      header.writeUInt32BE(offset, at + 8);
      header.writeUInt32BE(bytes.length, at + 12);
    }
    offset += 4096 * Math.ceil(bytes.length / 4096);
  });
  return Buffer.concat([header, ...slices.map(({ bytes }) => Buffer.concat([bytes, Buffer.alloc(4096 * Math.ceil(bytes.length / 4096) - bytes.length)]))]);
}

describe('thinMachO keeps one slice of a universal Mach-O', () => {
  const temp = useTempDirectory('snowpark-local-macho-');
  const intel = slice(X86_64, 0x11, 5000);
  const apple = slice(ARM64, 0x22, 3000);

  for (const wide of [false, true]) {
    it(`cuts out exactly the asked slice (${wide ? '64' : '32'}-bit fat header)`, () => {
      const file = temp.path(`fat${wide ? 64 : 32}.dylib`);
      writeFileSync(file, universal([{ cpu: X86_64, bytes: intel }, { cpu: ARM64, bytes: apple }], wide));
      assert.equal(thinMachO(file, ARM64), true);
      assert.deepEqual(readFileSync(file), apple);
    });
  }

  it('leaves a thin file alone', () => {
    const file = temp.path('thin.node');
    writeFileSync(file, intel);
    assert.equal(thinMachO(file, ARM64), false);
    assert.deepEqual(readFileSync(file), intel);
  });

  it('refuses a universal file without the target, naming the slices it has', () => {
    const file = temp.path('intel-only.dylib');
    writeFileSync(file, universal([{ cpu: X86_64, bytes: intel }]));
    assert.throws(() => thinMachO(file, ARM64), /without a slice for cputype 0x100000c \(it holds 0x1000007\): this DuckDB release does not support the target/);
  });

  it('refuses a slice whose own header names another CPU', () => {
    const file = temp.path('mislabelled.dylib');
    writeFileSync(file, universal([{ cpu: ARM64, bytes: intel }]));
    assert.throws(() => thinMachO(file, ARM64), /the slice for cputype 0x100000c is not a 64-bit Mach-O of that CPU/);
  });

  it('refuses a fat header whose slice runs past the end of the file', () => {
    const file = temp.path('truncated.dylib');
    writeFileSync(file, universal([{ cpu: ARM64, bytes: apple }]).subarray(0, 5000));
    assert.throws(() => thinMachO(file, ARM64), /runs past the end of the file/);
  });
});
