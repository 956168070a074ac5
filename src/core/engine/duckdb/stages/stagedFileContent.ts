import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { SqlError } from '../../sqlError';

// A staged text file's bytes, decompressed as its COMPRESSION option says. AUTO, Snowflake's
// default, recognises gzip by its magic bytes (so a `.csv.gz` PUT or COPY INTO @stage wrote
// loads back) and the others by their extensions. BZ2 and ZSTD have no decoder in Node 20:
// a file compressed with them is refused by name instead of being read as garbage.

export type Compression = 'NONE' | 'GZIP' | 'DEFLATE' | 'RAW_DEFLATE' | 'BROTLI' | 'BZ2' | 'ZSTD';

const NAMED: Record<string, Compression> = {
  NONE: 'NONE', GZIP: 'GZIP', DEFLATE: 'DEFLATE', RAW_DEFLATE: 'RAW_DEFLATE', BROTLI: 'BROTLI', BZ2: 'BZ2', ZSTD: 'ZSTD',
};

/** The compression of a file from its first bytes and name (PUT's AUTO_DETECT uses the same). */
export function detectCompression(bytes: Uint8Array, name: string): Compression {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'GZIP';
  if (bytes[0] === 0x42 && bytes[1] === 0x5a && bytes[2] === 0x68) return 'BZ2';
  if (bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd) return 'ZSTD';
  const lower = name.toLowerCase();
  if (lower.endsWith('.br')) return 'BROTLI';
  if (lower.endsWith('.raw_deflate')) return 'RAW_DEFLATE';
  if (lower.endsWith('.deflate')) return 'DEFLATE';
  if (lower.endsWith('.bz2')) return 'BZ2';
  if (lower.endsWith('.zst')) return 'ZSTD';
  return 'NONE';
}

/** The COMPRESSION option's value: AUTO (undefined) or a method Snowflake names. */
export function compressionOption(text: string | undefined): Compression | undefined {
  if (text === undefined || text.toUpperCase() === 'AUTO') return undefined;
  const named = NAMED[text.toUpperCase()];
  if (!named) {
    throw new SqlError('001003', '42000', `SQL compilation error:\nCOMPRESSION = ${text} is not valid for loading: use AUTO, GZIP, DEFLATE, RAW_DEFLATE, BROTLI or NONE.`);
  }
  return named;
}

/** The file's bytes, decompressed. `display` names the file in errors. */
export function stagedFileBytes(path: string, display: string, compression: Compression | undefined): Buffer {
  const raw = readFileSync(path);
  const method = compression ?? detectCompression(raw, path);
  try {
    switch (method) {
      case 'NONE':
        return raw;
      case 'GZIP':
        return gunzipSync(raw);
      case 'DEFLATE':
        return inflateSync(raw);
      case 'RAW_DEFLATE':
        return inflateRawSync(raw);
      case 'BROTLI':
        return brotliDecompressSync(raw);
      default:
        throw new SqlError('100080', '22000', `File '${display}' is ${method}-compressed, which the local engine cannot read; decompress it or store it with gzip (PUT's default).`);
    }
  } catch (error) {
    if (error instanceof SqlError) throw error;
    throw new SqlError('100075', '22000', `File '${display}' could not be decompressed as ${method}: ${(error as Error).message}`);
  }
}

/** Bytes as text: a UTF-8 byte order mark is dropped, and invalid UTF-8 is Snowflake's error unless replaced. */
export function stagedText(bytes: Buffer, display: string, options: { skipByteOrderMark: boolean; replaceInvalid: boolean; encoding?: string }): string {
  const encoding = decoderName(options.encoding, display);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: !options.replaceInvalid, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new SqlError('100069', '22P02', `Invalid UTF8 detected in string in file '${display}'. Use REPLACE_INVALID_CHARACTERS = TRUE to load it with U+FFFD in place of the invalid bytes.`);
  }
  if (options.skipByteOrderMark && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/** Snowflake's ENCODING names that TextDecoder knows. */
const ENCODINGS: Record<string, string> = {
  UTF8: 'utf-8', 'UTF-8': 'utf-8', UTF16: 'utf-16le', UTF16LE: 'utf-16le', UTF16BE: 'utf-16be', 'ISO-8859-1': 'iso-8859-1', LATIN1: 'iso-8859-1',
  'WINDOWS-1252': 'windows-1252', 'ISO-8859-15': 'iso-8859-15', 'WINDOWS-1250': 'windows-1250', 'WINDOWS-1251': 'windows-1251',
  SHIFT_JIS: 'shift_jis', EUCJP: 'euc-jp', EUCKR: 'euc-kr', GB18030: 'gb18030', BIG5: 'big5',
};

function decoderName(encoding: string | undefined, display: string): string {
  if (encoding === undefined) return 'utf-8';
  const name = ENCODINGS[encoding.toUpperCase()];
  if (!name) throw new SqlError('001003', '42000', `SQL compilation error:\nENCODING = '${encoding}' (file '${display}') is not available locally; use UTF8, UTF16, ISO-8859-1, WINDOWS-1252 or another common encoding.`);
  return name;
}
