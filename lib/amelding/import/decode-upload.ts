/**
 * Turns the bytes of an uploaded file into text. Older payroll systems often write their XML in
 * ISO-8859-1 and say so in the XML declaration; reading that as UTF-8 would garble æ, ø and å
 * in names. Order: a charset the client states (pasted text is sent as UTF-8 and says so), a
 * byte-order mark, the XML declaration's encoding, else UTF-8.
 */
export function decodeUpload(bytes: Uint8Array, contentType: string | null): string {
  const stated = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? "")?.[1];
  if (stated) return decode(bytes, stated);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), "utf-8");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), "utf-16be");
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1];
  return decode(bytes, declared ?? "utf-8");
}

function decode(bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    // An encoding name TextDecoder does not know: UTF-8 is the best guess, and errors show in the text.
    return new TextDecoder("utf-8").decode(bytes);
  }
}
