/**
 * What bytes that are not UTF-8 most likely are, for the error message only (never to decode them:
 * a guess is no basis for reading a glossary). Loaded on the error path only.
 */
function decodes(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * GBK or Big5: most double-byte text decodes as both, so the byte pairs decide. GBK text is nearly
 * all GB2312 (hanzi rows B0–F7, punctuation rows A1–A3, second byte A1–FE); Big5 text is mostly its
 * level 1 (lead A4–C6) with second bytes 40–7E in about half of the pairs, which in GBK would be
 * rare extension characters, and its lead A4 (中, 不, 人 …) would be kana. A tie (a few characters
 * that fit both) goes to GBK, the more common in the files this is used on. The guess is only a
 * hint in an error message; bytes that decode in neither (Latin-1, binary data) get none.
 */
export function guessEncoding(bytes: Uint8Array): string | undefined {
  const utf16 = guessUtf16(bytes);
  if (utf16) return utf16;
  const gbk = decodes(bytes, 'gbk') !== undefined;
  const big5 = decodes(bytes, 'big5') !== undefined;
  if (!gbk && !big5) return decodes(bytes, 'gb18030') !== undefined ? 'GB18030' : undefined;
  let gbScore = 0;
  let big5Score = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i];
    if (lead < 0x81) continue;
    const trail = bytes[++i];
    const punctuation = lead >= 0xa1 && lead <= 0xa3;
    gbScore += trail >= 0xa1 && (punctuation || (lead >= 0xb0 && lead <= 0xf7)) ? 1 : -1;
    big5Score += punctuation || (lead >= 0xa4 && lead <= 0xc6) ? 1 : lead >= 0xc9 && lead <= 0xf9 ? 0 : -1;
  }
  // Most pairs must look like text in the winner (UTF-8 with one bad byte decodes as GBK too).
  if (gbk && (!big5 || gbScore >= big5Score)) return gbScore > 0 ? 'GBK' : undefined;
  return big5Score > 0 ? 'Big5' : undefined;
}

/**
 * UTF-16 without a byte-order mark. Real files hold some ASCII (line breaks, punctuation, markup),
 * which in UTF-16 puts a zero in the high byte: zeros at odd offsets are UTF-16LE, at even UTF-16BE.
 */
export function guessUtf16(bytes: Uint8Array): string | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const zeros = [0, 0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) zeros[i & 1]++;
  const pairs = bytes.length / 2;
  const highZeros = (high: number, low: number) => zeros[high] >= pairs / 5 && zeros[low] <= pairs / 50;
  const label = highZeros(1, 0) ? 'utf-16le' : highZeros(0, 1) ? 'utf-16be' : '';
  return label && decodes(bytes, label) !== undefined ? label.toUpperCase() : undefined;
}
