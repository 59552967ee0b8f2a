import i18next, { type TFunction } from 'i18next';
import { resources } from '../../web/i18n/index.js';
import { addFormatters } from '../../web/i18n/formatters.js';

/** A fresh i18next with every namespace the web app bundles (codes included) and its formatters; t for id and en. */
export async function webI18n(): Promise<{ id: TFunction; en: TFunction }> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'id', fallbackLng: 'id', ns: Object.keys(resources.id), defaultNS: 'common', interpolation: { escapeValue: false } });
  addFormatters(i18n);
  return { id: i18n.getFixedT('id', 'errors'), en: i18n.getFixedT('en', 'errors') };
}
