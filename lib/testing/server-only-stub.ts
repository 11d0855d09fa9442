// Vitest and tsx scripts run outside Next's "react-server" condition, where the real
// `server-only` module throws on import. Tests alias it to this empty module.
export {};
