import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { addFormatters } from './formatters';

/**
 * i18next with one namespace per feature. Each feature adds `i18n/id/<ns>.ts` (the source of truth)
 * and `i18n/en/<ns>.ts` with the same keys; they are picked up here without editing this file.
 */
type Dict = { default: Record<string, unknown> };
const idFiles = import.meta.glob<Dict>('./id/*.ts', { eager: true });
const enFiles = import.meta.glob<Dict>('./en/*.ts', { eager: true });
// Texts of the server's error and warning codes (server/domain/codes), one file per area like the server's tables,
// merged into the one namespace `codes`: `t('codes:invalid', params)`.
const idCodeFiles = import.meta.glob<Dict>('./id/codes/*.ts', { eager: true });
const enCodeFiles = import.meta.glob<Dict>('./en/codes/*.ts', { eager: true });

function byNamespace(files: Record<string, Dict>, codeFiles: Record<string, Dict>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [path, mod] of Object.entries(files)) out[path.replace(/^.*\/(\w+)\.ts$/, '$1')] = mod.default;
  out.codes = Object.assign({}, ...Object.values(codeFiles).map((mod) => mod.default));
  return out;
}

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'jangkau.lang';

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'id') return saved;
  } catch {
    // private mode: fall through to Indonesian
  }
  return 'id';
}

export const resources = { id: byNamespace(idFiles, idCodeFiles), en: byNamespace(enFiles, enCodeFiles) };

/**
 * Starts i18next with every bundled dictionary (synchronously: nothing is fetched). main.tsx calls it in a task of
 * its own, apart from evaluating the bundle and from React's first render, so none of the three is one long block
 * of a slow phone's main thread. Safe to call twice.
 */
export function startI18n(): void {
  if (i18n.isInitialized) return;
  void i18n.use(initReactI18next).init({
    resources,
    lng: initialLanguage(),
    fallbackLng: 'id',
    defaultNS: 'common',
    ns: Object.keys(resources.id),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  addFormatters(i18n);
  // index.html says lang="id"; a saved English choice must be reflected too, or screen readers read English as Indonesian.
  if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;
  // The first lookup compiles i18next's whole translate path (~15 ms on a fast machine); pay for it here.
  i18n.t('appName');
}

/** Switches the UI language, remembers it, and keeps <html lang> right for screen readers. */
export function setLanguage(lang: Language): void {
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore
  }
}

export default i18n;
