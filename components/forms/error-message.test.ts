import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";
import { ErrorMessage } from "./error-message";

const render = (locale: "nb" | "en", error: Parameters<typeof ErrorMessage>[0]["error"], title?: string) =>
  renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale,
      timeZone: "Europe/Oslo",
      messages: locale === "nb" ? nb : en,
      // biome-ignore lint/correctness/noChildrenProp: createElement's props type requires children here
      children: createElement(ErrorMessage, { error, title }),
    }),
  );

describe("ErrorMessage", () => {
  it("shows the message and the reference to quote to support, as an alert, in both languages", () => {
    const nbHtml = render("nb", { messageKey: "errors.internal", reference: "7f3a9c21" });
    expect(nbHtml).toContain('role="alert"');
    expect(nbHtml).toContain("Referanse: 7f3a9c21");
    expect(render("en", { messageKey: "errors.internal", reference: "7f3a9c21" })).toContain("Reference: 7f3a9c21");
  });

  it("keeps the reference under a title too", () => {
    const html = render("nb", { messageKey: "errors.forbidden", reference: "r-2" }, "Tilkoblingen feilet");
    expect(html).toContain("Tilkoblingen feilet");
    expect(html).toContain(`${nb.errors.forbidden} Referanse: r-2`);
  });

  it("shows nothing without an error", () => {
    expect(render("nb", null)).toBe("");
  });
});

/** Every .tsx file under these folders. */
function sources(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith(".tsx"))
      .map((e) => path.join(e.parentPath, e.name)),
  );
}

describe("server errors in the UI", () => {
  it("are translated only through ErrorMessage / errorText, so none is shown without its reference", () => {
    // A component translating an action's message key itself (t(result.error.messageKey)) or
    // adding the reference by hand is how references got lost; every one goes through ErrorMessage.
    const offenders = sources("components", "app").filter((file) => {
      const text = readFileSync(file, "utf8");
      return /\bt\w*\([^)]*\.messageKey/.test(text) || text.includes('"errors.reference"');
    });
    expect(offenders).toEqual([]);
  });
});
