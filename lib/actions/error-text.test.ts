import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";
import type { Translator } from "@/lib/i18n/translator";
import { errorText, fieldErrorText } from "./error-text";

const translators = {
  nb: createTranslator({ locale: "nb", messages: nb }) as unknown as Translator,
  en: createTranslator({ locale: "en", messages: en }) as unknown as Translator,
};

describe("errorText", () => {
  it("keeps the reference of an unexpected error, in both languages", () => {
    expect(errorText(translators.nb, { messageKey: "errors.internal", reference: "ab12cd34" })).toBe(
      `${nb.errors.internal} Referanse: ab12cd34`,
    );
    expect(errorText(translators.en, { messageKey: "errors.internal", reference: "ab12cd34" })).toBe(
      `${en.errors.internal} Reference: ab12cd34`,
    );
  });

  it("keeps the reference of an error with its own message, and fills the values the message names", () => {
    const text = errorText(translators.nb, { messageKey: "ameldingImport.failed", reference: "ref-1" });
    expect(text).toBe(`${nb.ameldingImport.failed} Referanse: ref-1`);
    expect(errorText(translators.nb, { messageKey: "errors.notFound" })).toBe(nb.errors.notFound);
  });

  it("shows the generic message for a key the message files lack, still with the reference", () => {
    expect(errorText(translators.en, { messageKey: "errors.noSuchKey", reference: "r9" })).toBe(
      `${en.errors.internal} Reference: r9`,
    );
  });
});

describe("fieldErrorText", () => {
  it("reads a schema's key from validation.*, a full key as it is, and an unknown key unchanged", () => {
    expect(fieldErrorText(translators.nb, "required")).toBe(nb.validation.required);
    expect(fieldErrorText(translators.nb, "errors.input.nulCharacter")).toBe(nb.errors.input.nulCharacter);
    expect(fieldErrorText(translators.nb, "noSuchKey")).toBe("noSuchKey");
  });
});
