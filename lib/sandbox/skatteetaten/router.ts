import "server-only";
import type { ErrorSurface } from "./api-error-codes";

export type ControlAction =
  | "faults"
  | "stats"
  | "reset"
  | "releaseFeedback"
  | "idempotencyKeys"
  | "received"
  | "reconciliation";

export type Route =
  | { kind: "oarInnsending"; api: "oar" }
  | { kind: "oarForsendelse"; api: "oar"; forsendelseId: string }
  | { kind: "ameldingInnsending"; api: "amelding"; kalendermaaned: string; orgnr: string }
  | { kind: "ameldingForsendelse"; api: "amelding"; forsendelseId: string }
  | { kind: "ameldingTilbakemelding"; api: "amelding"; forsendelseId: string }
  | { kind: "opplasting"; api: "amelding" }
  | { kind: "opplastingStatus"; api: "amelding"; opplastingId: string }
  | { kind: "opplastingDelete"; api: "amelding"; opplastingId: string }
  | { kind: "opplastingInnsending"; api: "amelding" }
  | { kind: "avstemmingsrapport"; api: "amelding" }
  | { kind: "control"; action: ControlAction }
  | { kind: "notFound"; surface: ErrorSurface }
  | { kind: "controlMethodNotAllowed"; allow: string }
  | { kind: "methodNotAllowed"; surface: ErrorSurface; allow: string };

type ApiRoute = { method: string; pattern: RegExp; build: (params: string[]) => Route };

/** Where each API lives on the sandbox server (docs/skatteetaten-contract.md, "Hosts and paths"). */
export const SANDBOX_PATHS = {
  oar: "/oar/v1",
  amelding: "/amelding/v1",
  ameldingFilopplasting: "/amelding-filopplasting/v1",
  ameldingTilbakemelding: "/amelding-tilbakemelding/v1",
  avstemmingsrapport: "/avstemmingsrapport-amelding/v1",
} as const;

const API_ROUTES: ApiRoute[] = [
  { method: "POST", pattern: /^\/oar\/v1\/innsending$/, build: () => ({ kind: "oarInnsending", api: "oar" }) },
  {
    method: "GET",
    pattern: /^\/oar\/v1\/forsendelse\/([^/]+)$/,
    build: ([id]) => ({ kind: "oarForsendelse", api: "oar", forsendelseId: id! }),
  },
  {
    method: "POST",
    pattern: /^\/amelding\/v1\/innsending\/([^/]+)\/([^/]+)$/,
    build: ([kalendermaaned, orgnr]) => ({
      kind: "ameldingInnsending",
      api: "amelding",
      kalendermaaned: kalendermaaned!,
      orgnr: orgnr!,
    }),
  },
  {
    method: "GET",
    pattern: /^\/amelding\/v1\/forsendelse\/([^/]+)$/,
    build: ([id]) => ({ kind: "ameldingForsendelse", api: "amelding", forsendelseId: id! }),
  },
  {
    method: "GET",
    pattern: /^\/amelding-tilbakemelding\/v1\/tilbakemelding\/([^/]+)$/,
    build: ([id]) => ({ kind: "ameldingTilbakemelding", api: "amelding", forsendelseId: id! }),
  },
  {
    method: "POST",
    pattern: /^\/amelding-filopplasting\/v1\/opplastinger$/,
    build: () => ({ kind: "opplasting", api: "amelding" }),
  },
  {
    method: "GET",
    pattern: /^\/amelding-filopplasting\/v1\/opplastinger\/([^/]+)$/,
    build: ([id]) => ({ kind: "opplastingStatus", api: "amelding", opplastingId: id! }),
  },
  {
    method: "DELETE",
    pattern: /^\/amelding-filopplasting\/v1\/opplastinger\/([^/]+)$/,
    build: ([id]) => ({ kind: "opplastingDelete", api: "amelding", opplastingId: id! }),
  },
  {
    method: "PUT",
    pattern: /^\/amelding-filopplasting\/v1\/innsending$/,
    build: () => ({ kind: "opplastingInnsending", api: "amelding" }),
  },
  {
    method: "POST",
    pattern: /^\/avstemmingsrapport-amelding\/v1\/avstemmingsrapport$/,
    build: () => ({ kind: "avstemmingsrapport", api: "amelding" }),
  },
];

const CONTROL_ROUTES: Record<string, { methods: string[]; action: ControlAction }> = {
  "/__control/faults": { methods: ["POST", "DELETE"], action: "faults" },
  "/__control/stats": { methods: ["GET"], action: "stats" },
  "/__control/reset": { methods: ["POST"], action: "reset" },
  "/__control/feedback/release": { methods: ["POST"], action: "releaseFeedback" },
  "/__control/idempotency-keys": { methods: ["GET"], action: "idempotencyKeys" },
  "/__control/received": { methods: ["GET"], action: "received" },
  "/__control/reconciliation": { methods: ["POST", "DELETE"], action: "reconciliation" },
};

function decodeSegments(params: string[]): string[] | null {
  try {
    return params.map((p) => decodeURIComponent(p));
  } catch {
    return null;
  }
}

/** /oar/... answers in OAR codes, the file-upload API in its own table; every other path in A-melding's AMLD codes. */
export function surfaceOfPath(pathname: string): ErrorSurface {
  if (pathname.startsWith(`${SANDBOX_PATHS.oar}/`)) return "oar";
  if (pathname.startsWith(`${SANDBOX_PATHS.ameldingFilopplasting}/`)) return "filopplasting";
  return "amelding";
}

export function matchRoute(method: string, pathname: string): Route {
  const control = CONTROL_ROUTES[pathname];
  if (control) {
    return control.methods.includes(method)
      ? { kind: "control", action: control.action }
      : { kind: "controlMethodNotAllowed", allow: control.methods.join(", ") };
  }

  const matching = API_ROUTES.flatMap((route) => {
    const m = route.pattern.exec(pathname);
    return m ? [{ route, params: m.slice(1) }] : [];
  });
  const exact = matching.find((m) => m.route.method === method);
  if (exact) {
    const params = decodeSegments(exact.params);
    return params ? exact.route.build(params) : { kind: "notFound", surface: surfaceOfPath(pathname) };
  }
  if (matching.length > 0) {
    return {
      kind: "methodNotAllowed",
      surface: surfaceOfPath(pathname),
      allow: matching.map((m) => m.route.method).join(", "),
    };
  }
  return { kind: "notFound", surface: surfaceOfPath(pathname) };
}
