import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundNotice } from "@/components/ui/not-found-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("frame.notFound"))("title") };
}

/** notFound() in a signed-in page: an unknown id, or one of an organisation the reader does not have. */
export default function AppNotFound() {
  return <NotFoundNotice />;
}
