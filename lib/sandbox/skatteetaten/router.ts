import "server-only";
import type { SandboxApi } from "./types";

export type ControlAction = "faults" | "stats" | "reset" | "releaseFeedback" | "idempotencyKeys";

export type Route =
  | { kind: "oarInnsending"; api: "oar" }
  | { kind: "oarForsendelse"; api: "oar"; forsendelseId: string }
  | { kind: "ameldingInnsending"; api: "amelding"; kalendermaaned: string; orgnr: string }
  | { kind: "ameldingForsendelse"; api: "amelding"; forsendelseId: string }
  | { kind: "ameldingTilbakemelding"; api: "amelding"; forsendelseId: string }
  | { kind: "control"; action: ControlAction }
  | { kind: "notFound"; api: SandboxApi }
  | { kind: "controlMethodNotAllowed"; allow: string }
  | { kind: "methodNotAllowed"; api: SandboxApi; allow: string };

type ApiRoute = { method: string; pattern: RegExp; build: (params: string[]) => Route };

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
    build: ([kalendermaaned, orgnr]) => ({ kind: "ameldingInnsending", api: "amelding", kalendermaaned: kalendermaaned!, orgnr: orgnr! }),
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
];

const CONTROL_ROUTES: Record<string, { methods: string[]; action: ControlAction }> = {
  "/__control/faults": { methods: ["POST", "DELETE"], action: "faults" },
  "/__control/stats": { methods: ["GET"], action: "stats" },
  "/__control/reset": { methods: ["POST"], action: "reset" },
  "/__control/feedback/release": { methods: ["POST"], action: "releaseFeedback" },
  "/__control/idempotency-keys": { methods: ["GET"], action: "idempotencyKeys" },
};

function decodeSegments(params: string[]): string[] | null {
  try {
    return params.map((p) => decodeURIComponent(p));
  } catch {
    return null;
  }
}

/** Paths outside both APIs answer in A-melding's generic GLD codes; /oar/... answers in OAR codes. */
function apiOfPath(pathname: string): SandboxApi {
  return pathname.startsWith("/oar/") ? "oar" : "amelding";
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
    return params ? exact.route.build(params) : { kind: "notFound", api: apiOfPath(pathname) };
  }
  if (matching.length > 0) {
    return { kind: "methodNotAllowed", api: apiOfPath(pathname), allow: matching.map((m) => m.route.method).join(", ") };
  }
  return { kind: "notFound", api: apiOfPath(pathname) };
}
