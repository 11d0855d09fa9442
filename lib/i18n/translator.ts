/**
 * A translation function as our server code receives it from next-intl's getTranslations(),
 * reduced to what it needs, so it can be handed to code outside React (CSV exports) and tests.
 */
export type Translator = ((key: string, values?: Record<string, string | number>) => string) & {
  has: (key: string) => boolean;
};
