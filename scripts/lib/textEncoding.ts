/**
 * The text of a CSV or TXT file whatever program saved it (Node side only, never in build/Code.js):
 * - Google Sheets «Скачать → CSV»: UTF-8 without BOM;
 * - Excel «CSV UTF-8»: UTF-8 with BOM;
 * - Excel «CSV (разделители — запятые)» on a Russian Windows: Windows-1251;
 * - Excel «Текст Юникод»: UTF-16LE with BOM.
 * A byte order mark decides first; then a buffer that is valid UTF-8 is UTF-8; otherwise chardet names the
 * single-byte Cyrillic encoding (Windows-1251, KOI8-R …) and iconv-lite decodes it.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding as the runner names it to the user: «UTF-8», «UTF-8 с BOM», «Windows-1251», «UTF-16LE» … */
  encoding: string;
}

/** Byte order marks, longest first: the BOM is dropped from the text. */
const BOMS: ReadonlyArray<{ bytes: number[]; iconv: string; label: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], iconv: 'utf-8', label: 'UTF-8 с BOM' },
  { bytes: [0xff, 0xfe], iconv: 'utf-16le', label: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], iconv: 'utf-16be', label: 'UTF-16BE' },
];

/** Single-byte encodings a Russian file may be in, as chardet names them → iconv-lite's name. Windows-1251 is what Russian Excel writes. */
const CYRILLIC: ReadonlyMap<string, string> = new Map([
  ['windows-1251', 'windows-1251'],
  ['KOI8-R', 'koi8-r'],
  ['ISO-8859-5', 'iso-8859-5'],
]);
const DEFAULT_SINGLE_BYTE = 'windows-1251';

/** A share of zero bytes in odd (or even) positions above this means UTF-16 without a BOM (Cyrillic and ASCII both have one zero byte per character then). */
const UTF16_ZERO_SHARE = 0.3;

function startsWith(buffer: Uint8Array, bytes: readonly number[]): boolean {
  return buffer.length >= bytes.length && bytes.every((b, i) => buffer[i] === b);
}

function zeroShare(buffer: Uint8Array, parity: 0 | 1): number {
  let zeros = 0;
  let count = 0;
  for (let i = parity; i < Math.min(buffer.length, 4096); i += 2, count++) if (buffer[i] === 0) zeros++;
  return count ? zeros / count : 0;
}

function isUtf8(buffer: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

function label(encoding: string): string {
  return encoding === 'windows-1251' ? 'Windows-1251' : encoding.toUpperCase();
}

/** Decodes a text file's bytes (see the module comment for the order of the checks). */
export function decodeText(buffer: Uint8Array): DecodedText {
  for (const bom of BOMS) {
    if (startsWith(buffer, bom.bytes))
      return { text: iconv.decode(Buffer.from(buffer.subarray(bom.bytes.length)), bom.iconv, { stripBOM: false }), encoding: bom.label };
  }
  if (zeroShare(buffer, 1) > UTF16_ZERO_SHARE) return { text: iconv.decode(Buffer.from(buffer), 'utf-16le'), encoding: 'UTF-16LE' };
  if (zeroShare(buffer, 0) > UTF16_ZERO_SHARE) return { text: iconv.decode(Buffer.from(buffer), 'utf-16be'), encoding: 'UTF-16BE' };
  if (isUtf8(buffer)) return { text: new TextDecoder('utf-8').decode(buffer), encoding: 'UTF-8' };
  // chardet's best Cyrillic guess; a file too short for it to tell is taken as Russian Excel's Windows-1251.
  const guess = chardet
    .analyse(buffer)
    .filter((m) => CYRILLIC.has(m.name))
    .sort((a, b) => b.confidence - a.confidence)[0];
  const encoding = guess ? CYRILLIC.get(guess.name)! : DEFAULT_SINGLE_BYTE;
  return { text: iconv.decode(Buffer.from(buffer), encoding), encoding: label(encoding) };
}
