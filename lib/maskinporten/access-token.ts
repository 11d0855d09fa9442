import type { JWTPayload } from "jose";

const REDACTED = "[redacted]";

/**
 * A Maskinporten access token. The token itself sits in a private field: it is not an own
 * property, so JSON.stringify, util.inspect, spreading and template strings never show it —
 * only code that reads `.accessToken` on purpose gets it.
 */
export class MaskinportenAccessToken {
  readonly #accessToken: string;
  readonly expiresAt: Date;
  readonly scope: string;
  /** The token's payload when it is a JWT (Maskinporten's are), for diagnostics; else null. */
  readonly claims: JWTPayload | null;
  readonly fromCache: boolean;

  constructor(init: {
    accessToken: string;
    expiresAt: Date;
    scope: string;
    claims: JWTPayload | null;
    fromCache: boolean;
  }) {
    this.#accessToken = init.accessToken;
    this.expiresAt = init.expiresAt;
    this.scope = init.scope;
    this.claims = init.claims;
    this.fromCache = init.fromCache;
  }

  get accessToken(): string {
    return this.#accessToken;
  }

  withFromCache(fromCache: boolean): MaskinportenAccessToken {
    return new MaskinportenAccessToken({
      accessToken: this.#accessToken,
      expiresAt: this.expiresAt,
      scope: this.scope,
      claims: this.claims,
      fromCache,
    });
  }

  toJSON() {
    return {
      accessToken: REDACTED,
      expiresAt: this.expiresAt,
      scope: this.scope,
      claims: this.claims,
      fromCache: this.fromCache,
    };
  }

  toString(): string {
    return `MaskinportenAccessToken(${REDACTED}, scope "${this.scope}", expires ${this.expiresAt.toISOString()})`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}
