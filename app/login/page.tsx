import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { PublicFrame } from "@/components/shell/public-frame";
import { Button } from "@/components/ui/button";
import { oidcEnabled } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/current-user";
import { oidcLoginAction } from "@/lib/auth/login-action";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

/** Auth.js passes an absolute callback URL; only its path is kept, so sign-in never leaves the site. */
function sameSitePath(callbackUrl: string | undefined) {
  if (!callbackUrl) return "/";
  try {
    const url = new URL(callbackUrl, "http://local");
    const path = `${url.pathname}${url.search}`;
    return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/login") ? path : "/";
  } catch {
    return "/";
  }
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  const t = await getTranslations();
  const { callbackUrl } = await searchParams;
  const target = sameSitePath(callbackUrl);
  return (
    <PublicFrame>
      <h1 className="mb-2 text-2xl font-semibold text-brand">{t("login.title")}</h1>
      <p className="mb-6 text-muted">{t("login.intro")}</p>
      <LoginForm callbackUrl={target} />
      {oidcEnabled && (
        <form action={oidcLoginAction} className="mt-6 border-t border-line pt-6">
          <input type="hidden" name="callbackUrl" value={target} />
          <Button type="submit" variant="secondary">
            {t("login.oidc", { name: env.AUTH_OIDC_NAME })}
          </Button>
        </form>
      )}
    </PublicFrame>
  );
}
