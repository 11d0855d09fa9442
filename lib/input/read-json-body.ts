import { checkInput, type InputLimits, type InputRefusalCode } from "./guard";
import { scanJsonText } from "./json-text";
import { readLimitedBody } from "./read-limited-body";

export type JsonBody =
  | { ok: true; value: unknown }
  | { ok: false; reason: "too_large" | "malformed" | InputRefusalCode };

/**
 * A small JSON request body (a webhook's event, say) read within bounds: at most `maxBytes`,
 * then the text and the tree through the input guard (no deep nesting, no keys that reach
 * Object.prototype, no U+0000), as imported files are (lib/amelding/import/parse-import.ts).
 */
export async function readJsonBody(
  request: Request,
  options: { maxBytes: number; limits: InputLimits },
): Promise<JsonBody> {
  const bytes = await readLimitedBody(request, options.maxBytes);
  if (!bytes) return { ok: false, reason: "too_large" };
  const text = new TextDecoder().decode(bytes);
  const scanned = scanJsonText(text, options.limits);
  if (scanned) return { ok: false, reason: scanned.code };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const refusal = checkInput(value, options.limits);
  return refusal ? { ok: false, reason: refusal.code } : { ok: true, value };
}
