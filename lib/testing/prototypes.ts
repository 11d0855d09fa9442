/**
 * The built-in prototypes a parser could pollute, as they are now: every own property with its
 * value or accessors. Compare two snapshots with `expect(after).toEqual(before)`; any key added,
 * removed or replaced on Object.prototype, Array.prototype, … shows as a difference.
 */
export function prototypeSnapshot() {
  const prototypes = {
    Object: Object.prototype,
    Array: Array.prototype,
    Function: Function.prototype,
    String: String.prototype,
    Number: Number.prototype,
  };
  return Object.fromEntries(
    Object.entries(prototypes).map(([name, proto]) => [
      name,
      Object.fromEntries(
        Reflect.ownKeys(proto).map((key) => {
          const d = Object.getOwnPropertyDescriptor(proto, key)!;
          return [String(key), [d.value, d.get, d.set, d.writable, d.enumerable, d.configurable]];
        }),
      ),
    ]),
  );
}

/** Nodes (objects, lists, values) and characters (text and keys) of a value, to bound output by input. */
export function measure(value: unknown): { nodes: number; chars: number } {
  let nodes = 0;
  let chars = 0;
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    nodes++;
    if (typeof v === "string") chars += v.length;
    else if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === "object") {
      for (const [k, child] of Object.entries(v)) {
        chars += k.length;
        stack.push(child);
      }
    }
  }
  return { nodes, chars };
}
