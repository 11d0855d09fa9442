/** Remembers each grant's jti until the grant could no longer be valid anyway, to refuse replays (MP-012). */
export class UsedGrants {
  readonly #seen = new Map<string, number>();

  /** False when the jti was seen before; otherwise remembers it until `forgetAfter` (epoch seconds). */
  claim(clientId: string, jti: string, forgetAfter: number, nowSeconds: number): boolean {
    for (const [k, until] of this.#seen) if (until < nowSeconds) this.#seen.delete(k);
    const key = `${clientId}\u0000${jti}`;
    if (this.#seen.has(key)) return false;
    this.#seen.set(key, forgetAfter);
    return true;
  }
}
