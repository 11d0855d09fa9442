import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forbidden"))("title") };
}

/** forbidden() in a signed-in page the reader's role may not open: HTTP 403 inside the app's frame. */
export default function AppForbidden() {
  return <ForbiddenNotice />;
}
