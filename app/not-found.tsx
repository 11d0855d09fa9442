import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { NotFoundNotice } from "@/components/ui/not-found-notice";
import { getCurrentUser } from "@/lib/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("frame.notFound"))("title") };
}

/**
 * A URL no route matches (HTTP 404). The proxy sends visitors without a session to the login
 * page first, so the reader is nearly always signed in and gets the app's frame; a stale cookie
 * gets the page without it, with the same way back.
 */
export default async function NotFound() {
  const user = await getCurrentUser();
  if (!user)
    return (
      <main id="main" className="mx-auto w-full max-w-7xl px-4 py-8 md:px-6">
        <NotFoundNotice />
      </main>
    );
  return (
    <AppShell user={user}>
      <NotFoundNotice />
    </AppShell>
  );
}
