/** GET /api/info/registration (from server/http/contract.ts). */
export type { GuideItem, RegistrationInfo } from '../../../server/http/contract';

/** The text of a bilingual item in the UI language. */
export function textOf(item: { id_text: string; en_text: string }, lang: string): string {
  return lang.startsWith('en') ? item.en_text : item.id_text;
}
