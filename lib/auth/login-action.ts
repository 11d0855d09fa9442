"use server";

import { AuthError } from "next-auth";
import type { ActionResult } from "@/lib/actions/action-result";
import { signIn } from "./auth";

/** Only same-site paths may be used as the destination after sign-in. */
function safeCallback(value: FormDataEntryValue | null) {
  const v = typeof value === "string" ? value : "";
  return v.startsWith("/") && !v.startsWith("//") ? v : "/";
}

/** Answers like every action (lib/actions/action-result.ts), so the sign-in form uses the one form hook. */
export async function loginAction(formData: FormData): Promise<ActionResult<null>> {
  try {
    await signIn("credentials", {
      email: formData.get("email"),
      password: formData.get("password"),
      redirectTo: safeCallback(formData.get("callbackUrl")),
    });
    return { ok: true, data: null };
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      const throttled = (error as AuthError & { code?: string }).code === "throttled";
      return {
        ok: false,
        error: { code: "unauthenticated", messageKey: throttled ? "login.throttled" : "login.invalid" },
      };
    }
    throw error; // includes Next's redirect after a successful sign-in
  }
}

export async function oidcLoginAction(formData: FormData) {
  await signIn("oidc", { redirectTo: safeCallback(formData.get("callbackUrl")) });
}
