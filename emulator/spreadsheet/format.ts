import { formatSheetsDatePattern, dateToSerial, serialToMs } from '../dates';

/** How a spreadsheet renders numbers: decimal and grouping separators, boolean words. */
export interface DisplayLocale {
  decimal: string;
  group: string;
  trueText: string;
  falseText: string;
  /** Format for a date cell without an explicit number format. */
  defaultDate: string;
  defaultDateTime: string;
}

export const PLAIN_DISPLAY: DisplayLocale = {
  decimal: '.',
  group: ',',
  trueText: 'TRUE',
  falseText: 'FALSE',
  defaultDate: 'dd.MM.yyyy',
  defaultDateTime: 'dd.MM.yyyy H:mm:ss',
};

export const RU_DISPLAY: DisplayLocale = {
  decimal: ',',
  group: '\u00a0',
  trueText: 'ИСТИНА',
  falseText: 'ЛОЖЬ',
  defaultDate: 'dd.MM.yyyy',
  defaultDateTime: 'dd.MM.yyyy H:mm:ss',
};

export const EN_DISPLAY: DisplayLocale = {
  decimal: '.',
  group: ',',
  trueText: 'TRUE',
  falseText: 'FALSE',
  defaultDate: 'M/d/yyyy',
  defaultDateTime: 'M/d/yyyy H:mm:ss',
};

/** What getNumberFormat returns for a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

export type CellValue = string | number | boolean | Date;

interface NumberSection {
  prefix: string;
  suffix: string;
  percent: number;
  minInt: number;
  grouping: boolean;
  minDec: number;
  maxDec: number;
  /** Each trailing comma divides by 1000. */
  thousands: number;
  text: boolean;
  general: boolean;
}

const dateFormatCache = new Map<string, boolean>();
const sectionCache = new Map<string, NumberSection[]>();

function stripLiterals(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

/** True when the format shows a date or time (it has d, m, y, h or s outside literals). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  let known = dateFormatCache.get(format);
  if (known === undefined) {
    const bare = stripLiterals(format);
    known = !/^general$/i.test(bare.trim()) && /[dmyhs]/i.test(bare.replace(/E[+-]/g, ''));
    dateFormatCache.set(format, known);
  }
  return known;
}

/** True for an explicit number format that is neither a date, text ('@') nor the default. */
export function isNumericFormat(format: string | undefined): boolean {
  return !!format && format !== '@' && format !== DEFAULT_NUMBER_FORMAT && !isDateFormat(format) && !/^general$/i.test(format);
}

function parseSection(section: string): NumberSection {
  const s: NumberSection = {
    prefix: '',
    suffix: '',
    percent: 0,
    minInt: 0,
    grouping: false,
    minDec: 0,
    maxDec: 0,
    thousands: 0,
    text: false,
    general: false,
  };
  if (/^\s*general\s*$/i.test(section)) {
    s.general = true;
    return s;
  }
  let seenDigit = false;
  let afterDigits = false;
  let inDecimals = false;
  let pendingCommas = 0;
  const literal = (text: string) => {
    if (!seenDigit) s.prefix += text;
    else {
      afterDigits = true;
      s.suffix += text;
    }
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const j = section.indexOf('"', i + 1);
      const end = j < 0 ? section.length : j;
      literal(section.slice(i + 1, end));
      i = end;
    } else if (ch === '\\') {
      literal(section[i + 1] ?? '');
      i++;
    } else if (ch === '[') {
      const j = section.indexOf(']', i);
      i = j < 0 ? section.length : j;
    } else if (ch === '_') {
      literal(' ');
      i++;
    } else if (ch === '*') {
      i++;
    } else if (ch === '@') {
      s.text = true;
    } else if ((ch === '0' || ch === '#' || ch === '?') && !afterDigits) {
      seenDigit = true;
      if (pendingCommas) {
        s.grouping = true;
        pendingCommas = 0;
      }
      if (inDecimals) {
        s.maxDec++;
        if (ch === '0') s.minDec = s.maxDec;
      } else if (ch === '0') s.minInt++;
    } else if (ch === '.' && seenDigit && !afterDigits && !inDecimals) {
      inDecimals = true;
    } else if (ch === '.' && !seenDigit) {
      seenDigit = true;
      inDecimals = true;
    } else if (ch === ',' && seenDigit && !afterDigits && !inDecimals) {
      pendingCommas++;
    } else if (ch === '%') {
      s.percent++;
      literal('%');
    } else {
      literal(ch);
    }
  }
  s.thousands = pendingCommas;
  if (!seenDigit && !s.text) s.general = s.prefix === '' && s.suffix === '';
  return s;
}

function sectionsOf(format: string): NumberSection[] {
  let sections = sectionCache.get(format);
  if (!sections) {
    const raw: string[] = [];
    let current = '';
    let quoted = false;
    for (const ch of format) {
      if (ch === '"') quoted = !quoted;
      if (ch === ';' && !quoted) {
        raw.push(current);
        current = '';
      } else current += ch;
    }
    raw.push(current);
    sections = raw.map(parseSection);
    sectionCache.set(format, sections);
  }
  return sections;
}

function groupDigits(digits: string, separator: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

function formatWithSection(abs: number, s: NumberSection, locale: DisplayLocale): string {
  let x = (abs * Math.pow(100, s.percent)) / Math.pow(1000, s.thousands);
  x = Number(x.toPrecision(15));
  const fixed = x.toFixed(s.maxDec);
  let [intPart, decPart = ''] = fixed.split('.');
  while (decPart.length > s.minDec && decPart.endsWith('0')) decPart = decPart.slice(0, -1);
  if (intPart === '0' && s.minInt === 0) intPart = '';
  while (intPart.length < s.minInt) intPart = '0' + intPart;
  if (s.grouping) intPart = groupDigits(intPart, locale.group);
  return s.prefix + intPart + (decPart ? locale.decimal + decPart : '') + s.suffix;
}

/** A number as Sheets shows it with the automatic format: up to 10 significant digits. */
export function generalNumber(value: number, locale: DisplayLocale): string {
  if (!Number.isFinite(value)) return String(value);
  let text: string;
  if (Number.isInteger(value) && Math.abs(value) < 1e15) text = String(value);
  else if (value !== 0 && (Math.abs(value) >= 1e15 || Math.abs(value) < 1e-9)) {
    text = value
      .toExponential(5)
      .replace(/\.?0+e/, 'e')
      .replace('e', 'E')
      .replace(/E([+-])(\d)$/, 'E$10$2');
  } else text = String(Number(value.toPrecision(10)));
  return locale.decimal === '.' ? text : text.replace('.', locale.decimal);
}

/** A number in an explicit number format ('0.0', '0%', '#,##0', '0.00;(0.00)', '"ИСБШ "0.0'). */
export function formatNumber(value: number, format: string, locale: DisplayLocale): string {
  const sections = sectionsOf(format);
  let section = sections[0];
  const abs = Math.abs(value);
  let sign = value < 0 ? '-' : '';
  if (value < 0 && sections.length > 1) {
    section = sections[1];
    sign = '';
  } else if (value === 0 && sections.length > 2) section = sections[2];
  if (section.general || section.text) return sign + generalNumber(abs, locale);
  const text = formatWithSection(abs, section, locale);
  // "-0" after rounding shows as "0"
  if (sign && /^[^1-9]*$/.test(text)) sign = '';
  return sign + text;
}

/** What getDisplayValue shows for a stored value under a number format (undefined = default). */
export function displayValue(value: CellValue | undefined, format: string | undefined, timeZone: string, locale: DisplayLocale): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? locale.trueText : locale.falseText;
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return '';
    if (isDateFormat(format)) return formatSheetsDatePattern(ms, timeZone, format!);
    if (isNumericFormat(format)) return formatNumber(dateToSerial(ms, timeZone), format!, locale);
    const serial = dateToSerial(ms, timeZone);
    const pattern = Number.isInteger(serial) ? locale.defaultDate : locale.defaultDateTime;
    return formatSheetsDatePattern(ms, timeZone, pattern);
  }
  if (isDateFormat(format)) return formatSheetsDatePattern(serialToMs(value, timeZone), timeZone, format!);
  if (!format || format === '@' || format === DEFAULT_NUMBER_FORMAT) return generalNumber(value, locale);
  return formatNumber(value, format, locale);
}
