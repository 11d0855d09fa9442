/**
 * A translation function as our server code receives it from next-intl's getTranslations(),
 * reduced to what it needs, so it can be handed to code outside React (CSV exports) and tests.
 */
export type Translator = ((key: string, values?: Record<string, string | number>) => string) & {
  has: (key: string) => boolean;
};

/**
 * The same translator, remembering what it gave for keys without values: an export translates the
 * same few labels (kinds, statuses) on every one of up to a million rows, and formatting a message
 * costs more than the rest of the row.
 */
export function rememberingTranslator(t: Translator): Translator {
  const known = new Map<string, string>();
  const remembering = (key: string, values?: Record<string, string | number>) => {
    if (values) return t(key, values);
    let text = known.get(key);
    if (text === undefined) {
      text = t(key);
      known.set(key, text);
    }
    return text;
  };
  return Object.assign(remembering, { has: (key: string) => t.has(key) });
}
