/**
 * The local sandbox's defaults, shared by the configuration schema (its default ports and
 * host), the endpoint defaults of sandbox mode and the sandbox servers themselves. Plain
 * constants: production code reads them through the configuration, never from lib/sandbox.
 */
const vendorOrgnr = "310900400";

export const SANDBOX_DEFAULTS = {
  host: "127.0.0.1",
  maskinportenPort: 4101,
  skatteetatenPort: 4102,
  altinnPort: 4103,
  /** The mail catcher (lib/sandbox/mail-catcher): SMTP, and its page listing the mails. */
  mailSmtpPort: 4104,
  mailWebPort: 4105,
  /** The vendor owning the demo Maskinporten client and system (synthetic orgnr). */
  vendorOrgnr,
  /** The demo system in the sandbox's Altinn system register; Altinn ids are `<vendor orgnr>_<name>`. */
  systemId: `${vendorOrgnr}_innrapportering`,
  /**
   * Key of the search index's fødselsnummer hashes in sandbox mode, where every number is
   * synthetic; test and production mode require SEARCH_HASH_SECRET.
   */
  searchHashSecret: "sandbox-only-search-hash-secret-not-for-real-data",
} as const;
