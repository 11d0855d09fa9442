// The embedded PostgreSQL's credentials, in a module without imports so the e2e tests can reach
// the database the product runs on. Local-only server bound to 127.0.0.1; the password keeps
// other local users out of it.
export const EMBEDDED_DATABASE_NAME = "innrapportering";
export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "innrapportering-local";

export function embeddedDatabaseUrl(port: number) {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${EMBEDDED_DATABASE_NAME}`;
}
