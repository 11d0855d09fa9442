import "server-only";
import { getAppSystemUserRequestClient } from "@/lib/altinn/app-system-user-request-client";
import { type SystemUserRequestClient, SystemUserRequestError } from "@/lib/altinn/system-user-request-client";
import type { AltinnErrorDetails } from "./request-system-user";

/** The app's Altinn client for system-user requests, or the configuration error shown like Altinn's own. */
export function altinnClient():
  | { ok: true; client: SystemUserRequestClient }
  | { ok: false; error: AltinnErrorDetails } {
  const altinn = getAppSystemUserRequestClient();
  if ("client" in altinn) return { ok: true, client: altinn.client };
  return {
    ok: false,
    error: new SystemUserRequestError({
      kind: "config",
      message: altinn.configError.message,
      setting: altinn.configError.setting,
    }).toJSON(),
  };
}
