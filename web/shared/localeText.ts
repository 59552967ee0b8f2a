/**
 * Numbers and calendar dates as text in the UI language (Indonesian as id-ID, English as en-GB), without Intl.
 *
 * Why by hand: the first Intl.NumberFormat or DateTimeFormat a page creates loads ICU locale data. On the finder's
 * first screen that was one ~200 ms block of the main thread under a 4× CPU throttle (a cheap phone), longer than
 * all of React's rendering of that screen. The app needs only a few fixed formats in two languages, so they are
 * written out here; tests/web/localeText.test.ts checks every function against Intl with the same options.
 */

const MONTHS_LONG = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const MONTHS_SHORT = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  // CLDR's British English abbreviates September as "Sept".
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
};
/** Sunday first, as Date#getUTCDay counts. */
const WEEKDAYS_LONG = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const WEEKDAYS_SHORT = {
  id: ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

type Lang = 'id' | 'en';
const langOf = (lang: string): Lang => (lang.startsWith('en') ? 'en' : 'id');

/** Options for {@link formatNumber}: how many decimals to show (defaults as Intl: 0 to 3). */
export interface DigitOptions {
  minDigits?: number;
  maxDigits?: number;
}

/**
 * A number with grouped thousands and a decimal separator for the language: id "1.234,5", en "1,234.5".
 * Rounds half away from zero on the number's shortest decimal form, as Intl does (1.005 → "1,01" at 2 decimals).
 */
export function formatNumber(value: number, lang: string, { minDigits = 0, maxDigits = Math.max(3, minDigits) }: DigitOptions = {}): string {
  if (!Number.isFinite(value)) return String(value);
  return signed(value, decimalText(shortestDecimal(Math.abs(value)), lang, minDigits, maxDigits));
}

/** A rate as a percentage with up to `maxDigits` decimals: 0.0024 → id "0,24%", en "0.24%". */
export function formatPercent(rate: number, lang: string, maxDigits = 0): string {
  if (!Number.isFinite(rate)) return String(rate);
  const [int, frac] = shortestDecimal(Math.abs(rate));
  // ×100 on the decimal digits, so no binary rounding creeps in (0.07 × 100 is 7.000000000000001 in floating point).
  const shifted = shiftPoint(int, frac, 2);
  return `${signed(rate, decimalText(shifted, lang, 0, maxDigits))}%`;
}

/** A civil date 'YYYY-MM-DD' in the given style. */
export function formatCivilDate(date: string, lang: string, style: 'medium' | 'long' | 'weekdayShort' | 'month'): string {
  const [y, m, d] = date.split('-').map(Number);
  const l = langOf(lang);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  switch (style) {
    case 'medium': // "3 Des 2026" / "3 Dec 2026"
      return `${d} ${MONTHS_SHORT[l][m - 1]} ${y}`;
    case 'long': // "Kamis, 3 Desember 2026" / "Thursday, 3 December 2026"
      return `${WEEKDAYS_LONG[l][weekday]}, ${d} ${MONTHS_LONG[l][m - 1]} ${y}`;
    case 'weekdayShort': // "Kamis, 3 Des" / "Thu 3 Dec"
      return l === 'en' ? `${WEEKDAYS_SHORT.en[weekday]} ${d} ${MONTHS_SHORT.en[m - 1]}` : `${WEEKDAYS_LONG.id[weekday]}, ${d} ${MONTHS_SHORT.id[m - 1]}`;
    case 'month': // "Desember 2026" / "December 2026"
      return `${MONTHS_LONG[l][m - 1]} ${y}`;
  }
}

/** The short month name for month 1..12: "Agu" / "Aug". */
export function shortMonthName(month: number, lang: string): string {
  return MONTHS_SHORT[langOf(lang)][month - 1];
}

/** Short weekday names Monday..Sunday: "Sen" … "Min" / "Mon" … "Sun". */
export function weekdayNames(lang: string): string[] {
  const names = WEEKDAYS_SHORT[langOf(lang)];
  return [...names.slice(1), names[0]];
}

function signed(value: number, text: string): string {
  // Intl writes "-0" for a negative that rounds to zero; keep that, so the two agree everywhere.
  return value < 0 ? `-${text}` : text;
}

/** The integer and fraction digits of a non-negative number's shortest round-trip form (what Intl rounds). */
function shortestDecimal(x: number): [string, string] {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!match) throw new Error(`formatNumber expects a finite number, got ${x}`);
  return shiftPoint(match[1], match[2] ?? '', Number(match[3] ?? 0));
}

/** Moves the decimal point of int.frac by `places` (positive: right). */
function shiftPoint(int: string, frac: string, places: number): [string, string] {
  let digits = int + frac;
  let point = int.length + places;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  return [digits.slice(0, point).replace(/^0+(?=\d)/, ''), digits.slice(point)];
}

function decimalText([int, frac]: [string, string], lang: string, minDigits: number, maxDigits: number): string {
  if (frac.length > maxDigits) {
    const roundUp = frac.charCodeAt(maxDigits) >= 53; // '5'..'9': half away from zero
    let kept = int + frac.slice(0, maxDigits);
    if (roundUp) kept = (BigInt(kept) + 1n).toString().padStart(kept.length, '0');
    int = kept.slice(0, kept.length - maxDigits) || '0';
    frac = kept.slice(kept.length - maxDigits);
  }
  frac = frac.replace(/0+$/, '');
  if (frac.length < minDigits) frac = frac.padEnd(minDigits, '0');
  const [group, point] = langOf(lang) === 'en' ? [',', '.'] : ['.', ','];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return frac ? `${grouped}${point}${frac}` : grouped;
}
