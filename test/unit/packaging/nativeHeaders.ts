// What a native file's header says it is: the checks a loader makes before mapping it.
// ELF e_machine: EM_X86_64 0x3E, EM_AARCH64 0xB7. Mach-O (64-bit, little-endian) cputype:
// CPU_TYPE_X86_64 0x01000007, CPU_TYPE_ARM64 0x0100000C; a universal ("fat") file starts
// 0xCAFEBABE. PE: "MZ", the PE header at e_lfanew, machine IMAGE_FILE_MACHINE_AMD64 0x8664.

export type NativeFormat = 'elf' | 'macho' | 'macho-fat' | 'pe';

export interface NativeHeader {
  readonly format: NativeFormat;
  /** 'x64' or 'arm64' when the machine field names one of them, else the raw value in hex. */
  readonly arch: string;
}

const ELF_MACHINES: Record<number, string> = { 0x3e: 'x64', 0xb7: 'arm64' };
const MACHO_CPUS: Record<number, string> = { 0x01000007: 'x64', 0x0100000c: 'arm64' };
const PE_MACHINES: Record<number, string> = { 0x8664: 'x64', 0xaa64: 'arm64' };

/** The header's format and machine, or undefined when the bytes are no native binary. */
export function nativeHeader(bytes: Buffer): NativeHeader | undefined {
  if (bytes.length < 64) return undefined;
  if (bytes.readUInt32BE(0) === 0x7f454c46) return { format: 'elf', arch: named(ELF_MACHINES, bytes.readUInt16LE(18)) };
  if (bytes.readUInt32LE(0) === 0xfeedfacf) return { format: 'macho', arch: named(MACHO_CPUS, bytes.readUInt32LE(4)) };
  const big = bytes.readUInt32BE(0);
  if (big === 0xcafebabe || big === 0xcafebabf) return { format: 'macho-fat', arch: `${bytes.readUInt32BE(4)} slices` };
  if (bytes.toString('latin1', 0, 2) === 'MZ') {
    const peOffset = bytes.readUInt32LE(0x3c);
    if (peOffset + 6 <= bytes.length && bytes.toString('latin1', peOffset, peOffset + 4) === 'PE\0\0') {
      return { format: 'pe', arch: named(PE_MACHINES, bytes.readUInt16LE(peOffset + 4)) };
    }
  }
  return undefined;
}

function named(table: Record<number, string>, value: number): string {
  return table[value] ?? `0x${value.toString(16)}`;
}
