"use server";

import { AuthError } from "next-auth";
import { signIn } from "./auth";

export type LoginState = { error: "invalid" | "throttled" } | null;

/** Only same-site paths may be used as the destination after sign-in. */
function safeCallback(value: FormDataEntryValue | null) {
  const v = typeof value === "string" ? value : "";
  return v.startsWith("/") && !v.startsWith("//") ? v : "/";
}

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  try {
    await signIn("credentials", {
      email: formData.get("email"),
      password: formData.get("password"),
      redirectTo: safeCallback(formData.get("callbackUrl")),
    });
    return null;
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      return { error: (error as AuthError & { code?: string }).code === "throttled" ? "throttled" : "invalid" };
    }
    throw error; // includes Next's redirect after a successful sign-in
  }
}

export async function oidcLoginAction(formData: FormData) {
  await signIn("oidc", { redirectTo: safeCallback(formData.get("callbackUrl")) });
}
