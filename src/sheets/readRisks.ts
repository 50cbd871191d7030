/**
 * The sheet «Риски» (docs/методика.md §1.3): `Код ОО | one column per risk factor` with «высокая» / «средняя» /
 * «низкая». Works on the 2-D array of getValues() (loadInputs reads the sheet once).
 */
import { ValueError } from '../core/errors';
import { parseSignificance } from '../core/factors';
import { remembered } from '../core/remembered';
import { quoteValue } from '../core/numbers';
import { normalizeText } from '../core/text';
import type { RiskDiagnosis, RiskFactor, Significance } from '../core/types';
import { columnLetter } from './a1';
import { RESULTS_SCHEMA } from './readResults';
import { matchHeaders } from './input/matcher';
import type { InputSchema } from './input/schema';
import { ACTION, PROBLEM, TEMPLATE_WORDS, missingTemplateColumnsMessage } from './messages';
import { sortProblems, type Problem } from './problems';
import { headerTexts, isBlankCell, isFormulaError, normalizeSchoolCode, schoolCodeKey } from './input/cells';

/** The «Код ОО» column of «Риски», recognised like that of «Результаты ОП» (the same field, the same corpus). */
const RISKS_CODE_SCHEMA: InputSchema<'schoolCode'> = {
  id: 'risks',
  fields: [{ ...RESULTS_SCHEMA.fields.find((f) => f.key === 'schoolCode')!, key: 'schoolCode', title: TEMPLATE_WORDS.risks.codeHeader }],
};

export interface RisksReading {
  diagnoses: RiskDiagnosis[];
  problems: Problem[];
}

/** Lower case, ё → е, single spaces, no dots or spaces at the ends: how a header is compared with a factor. */
function plain(text: string): string {
  return normalizeText(text).replace(/^[\s.:;,]+|[\s.:;,]+$/g, '');
}

/** «1. Название», «F1 Название», «№ 1) Название» → the leading token and the rest. */
const NUMBERED = /^№?\s*([a-zа-я]?\d+)[.):]?\s*(.*)$/i;

/**
 * The factor a header names (docs/методика.md §1.3 «one column per risk factor»): its id («F3»), its name, or a
 * numbered name («3. Недостаточная …», «F3 Недостаточная …»). A number alone names the factor F<number>
 * when there is one. Case, ё and spaces are forgiven. Null when no factor fits.
 */
export function factorForHeader(header: string, factors: readonly RiskFactor[]): RiskFactor | null {
  const text = plain(header);
  if (!text) return null;
  const byId = (token: string) => factors.find((f) => f.id.toLowerCase() === token || f.id.toLowerCase() === `f${token}`);
  const byName = (name: string) => factors.find((f) => plain(f.name) === name);
  const direct = byName(text) ?? factors.find((f) => f.id.toLowerCase() === text);
  if (direct) return direct;
  const numbered = NUMBERED.exec(text);
  if (!numbered) return null;
  const [, token, rest] = numbered;
  return (rest ? byName(plain(rest)) : undefined) ?? byId(token.toLowerCase()) ?? null;
}

/**
 * Reads «Риски» (docs/методика.md §1.3); values[0] is the header row. Код ОО is the column whose header says
 * «Код» (else the first column); every other column is matched to a factor of `factors` by factorForHeader,
 * the rest are listed and ignored. A significance that parseSignificance cannot read is dropped with a
 * problem; a row with none is no diagnosis. Of two rows of one school the lower wins. A school not among
 * `knownCodes` is listed and not used. When no column matches a factor the sheet is not used (one problem),
 * since the input is optional.
 */
export function readRisks(values: unknown[][], sheetName: string, factors: readonly RiskFactor[], knownCodes?: Set<string>): RisksReading {
  const headers = headerTexts(values);
  const problems: Problem[] = [];
  const codeIndex = matchHeaders(RISKS_CODE_SCHEMA, headers, { samples: values.slice(1) }).columns.schoolCode ?? 0;
  const factorColumns: Array<{ index: number; factor: RiskFactor }> = [];
  headers.forEach((header, index) => {
    if (index === codeIndex) return;
    const factor = factorForHeader(header, factors);
    if (factor && !factorColumns.some((c) => c.factor.id === factor.id)) {
      factorColumns.push({ index, factor });
      return;
    }
    const hasData = values.slice(1).some((row) => !isBlankCell(row?.[index]));
    if (header === '' && !hasData) return;
    problems.push({
      sheet: sheetName,
      row: 1,
      schoolCode: '',
      field: header || PROBLEM.columnRef(columnLetter(index)),
      value: '',
      problem: header ? PROBLEM.unknownColumn : PROBLEM.blankHeader,
      action: ACTION.columnIgnored,
    });
  });
  if (!factorColumns.length) {
    // «Риски» is optional (docs/методика.md §1.3): without factor columns the sheet is skipped, not the whole run.
    const hasData = values.slice(1).some((row) => !(row ?? []).every(isBlankCell));
    if (!hasData) return { diagnoses: [], problems: [] };
    const problem = missingTemplateColumnsMessage(
      sheetName,
      factors.filter((f) => f.active).map((f) => f.name),
      headers,
    );
    return {
      diagnoses: [],
      problems: [{ sheet: sheetName, row: null, schoolCode: '', field: '', value: '', problem, action: ACTION.sheetIgnored }],
    };
  }
  const known = knownCodes ? new Map([...knownCodes].map((c) => [schoolCodeKey(c), c])) : null;
  const codeHeader = headers[codeIndex] || TEMPLATE_WORDS.risks.codeHeader;

  // A column of significances holds a handful of spellings: each is read once.
  const significanceOfText = remembered(parseSignificance);
  const significanceOf = (raw: unknown): Significance | null =>
    typeof raw === 'string' ? significanceOfText(raw) : parseSignificance(raw);
  const accepted: Array<{ diagnosis: RiskDiagnosis; sheetRow: number; key: string }> = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const sheetRow = r + 1;
    if (row.every(isBlankCell)) continue;
    const rawCode = row[codeIndex];
    const rowProblem = (problem: string) =>
      problems.push({
        sheet: sheetName,
        row: sheetRow,
        schoolCode: '',
        field: codeHeader,
        value: quoteValue(rawCode),
        problem,
        action: ACTION.rowDropped,
      });
    if (isFormulaError(rawCode)) {
      rowProblem(PROBLEM.formulaError);
      continue;
    }
    if (isBlankCell(rawCode)) {
      rowProblem(PROBLEM.noSchoolCode);
      continue;
    }
    let code = normalizeSchoolCode(rawCode).code;
    if (known) {
      const spelled = known.get(schoolCodeKey(code));
      if (!spelled) {
        problems.push({
          sheet: sheetName,
          row: sheetRow,
          schoolCode: code,
          field: codeHeader,
          value: quoteValue(rawCode),
          problem: PROBLEM.unknownSchool,
          action: ACTION.rowDropped,
        });
        continue;
      }
      code = spelled;
    }
    const significance: Record<string, Significance> = {};
    for (const { index, factor } of factorColumns) {
      const raw = row[index];
      const report = (problem: string) =>
        problems.push({
          sheet: sheetName,
          row: sheetRow,
          schoolCode: code,
          field: headers[index],
          value: quoteValue(raw),
          problem,
          action: ACTION.valueDropped,
        });
      if (isFormulaError(raw)) {
        report(PROBLEM.formulaError);
        continue;
      }
      try {
        const s = significanceOf(raw);
        if (s) significance[factor.id] = s;
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        report(e.message);
      }
    }
    if (Object.keys(significance).length)
      accepted.push({ diagnosis: { schoolCode: code, significance }, sheetRow, key: schoolCodeKey(code) });
  }

  const latest = new Map<string, (typeof accepted)[number]>();
  for (const a of accepted) latest.set(a.key, a);
  for (const a of accepted) {
    const winner = latest.get(a.key)!;
    if (winner === a) continue;
    problems.push({
      sheet: sheetName,
      row: a.sheetRow,
      schoolCode: a.diagnosis.schoolCode,
      field: codeHeader,
      value: a.diagnosis.schoolCode,
      problem: PROBLEM.duplicateRiskRow,
      action: ACTION.replacedByLaterRow(winner.sheetRow),
    });
  }
  return {
    diagnoses: accepted.filter((a) => latest.get(a.key) === a).map((a) => a.diagnosis),
    problems: sortProblems(problems),
  };
}
