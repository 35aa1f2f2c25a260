/** A message: a string with `{name}` placeholders, or plural forms chosen by `Intl.PluralRules` from `{count}`. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;
