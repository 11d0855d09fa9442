import { NextIntlClientProvider } from "next-intl";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import nb from "@/lib/i18n/messages/nb.json";

/** A component's HTML as the server renders it, with the app's bokmål messages. */
export function renderMarkup(element: ReactElement): string {
  return renderToStaticMarkup(
    // biome-ignore lint/correctness/noChildrenProp: the provider's props type requires children, which a .ts file cannot give as JSX
    createElement(NextIntlClientProvider, { locale: "nb", messages: nb, timeZone: "Europe/Oslo", children: element }),
  );
}
