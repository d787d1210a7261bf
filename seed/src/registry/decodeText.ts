import iconv from 'iconv-lite';

/** How a text file's bytes were read. */
export type TextEncoding = 'utf-8-bom' | 'utf-8' | 'gb18030' | 'utf-16le-bom';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** A file that is neither UTF-8 nor GB18030 (nor has a UTF-16 mark): names the file and the first bad byte. */
export class RegistryReadError extends Error {
  constructor(
    readonly file: string,
    why: string,
  ) {
    super(`${file}: ${why}`);
    this.name = 'RegistryReadError';
  }
}

const hex = (bytes: Uint8Array, at: number): string =>
  Array.from(bytes.subarray(at, at + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');

/**
 * The text of a CSV as Excel writes it: a UTF-8 byte-order mark means UTF-8 (Excel's "CSV UTF-8");
 * a UTF-16 LE mark, "Unicode text"; otherwise a strict UTF-8 decode, and when that fails GB18030
 * (what Excel on Chinese Windows writes, a superset of GBK and GB2312). GB18030 maps almost any
 * byte pair to something, so its result is checked for replacement characters: a file that is
 * neither gives an error naming the file rather than mojibake.
 */
export function decodeCsvBytes(bytes: Uint8Array, file: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
    } catch {
      throw new RegistryReadError(file, 'starts with a UTF-8 byte-order mark but is not valid UTF-8 after it');
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try GB18030 below
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    // Find the byte offset of the first undecodable sequence for the message.
    const at = Buffer.byteLength(iconv.encode(text.slice(0, bad), 'gb18030'));
    throw new RegistryReadError(file, `is neither UTF-8 nor GB18030/GBK text (bytes ${hex(bytes, at)} at offset ${at} decode to nothing); save it from Excel as "CSV UTF-8" or as .xlsx`);
  }
  return { text, encoding: 'gb18030' };
}
