import type { ContributionRules } from '../../../server/domain/contribution/estimate';

/** One bilingual line of data/registration_guide.json. */
export interface GuideItem {
  id: string;
  id_text: string;
  en_text: string;
  source?: string;
  url?: string;
}

/** The shape of GET /api/info/registration that the panel reads. */
export interface RegistrationInfo {
  rules: ContributionRules & {
    status?: string;
    programs: ContributionRules['programs'] & Record<string, { mandatory?: boolean; available?: boolean }>;
    minimum_monthly: ContributionRules['minimum_monthly'] & { sources?: string[] };
    temporary_relief?: ContributionRules['temporary_relief'] & { links_cited?: string[] };
    legal_basis?: string[];
  };
  guide: {
    what_to_bring: GuideItem[];
    programs: GuideItem[];
    channels: GuideItem[];
    privacy?: { id_text: string; en_text: string };
    retrieved?: string;
  };
}

/** The text of a bilingual item in the UI language. */
export function textOf(item: { id_text: string; en_text: string }, lang: string): string {
  return lang.startsWith('en') ? item.en_text : item.id_text;
}
