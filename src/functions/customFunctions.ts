/**
 * The custom functions analysts type in Sheets. This layer only shapes arguments (single values
 * and ranges, Russian text numbers) and words the results; every rule comes from src/core.
 * Their names, parameters and the Russian help Sheets shows are defined once in signatures.ts.
 *
 * Common behaviour: any argument may be one cell or a range; ranges of one height are processed
 * row by row and the result spills down as a column; entirely empty rows give ""; a row that cannot
 * be computed shows «#ОШИБКА: причина» while the other rows are computed; a one-row call throws
 * the reason instead (the cell shows it); a single value among ranges applies to every row.
 */
import { UserError, ValueError } from '../core/errors';
import type { Settings } from '../core/settings';
import { savedSettings } from './savedSettings';
import type { ClusterOrStatus, IsbshShareKey, IsbshShares } from '../core/types';
import { normalizeAnswer, parseCount, parseRussianNumber, parseShare, shareFromCount } from '../core/numbers';
import { computeIsbsh, isbshLevel, missingIsbshInputs, roundIsbsh, ISBSH_INPUT_LABELS } from '../core/isbsh';
import { computeRiskZone } from '../core/riskZone';
import { assessShnor, clusterOrStatus } from '../core/shnor';
import type { ShareCell, ShnorAssessment } from '../core/shnor';
import { normalizeProcedureName } from '../core/procedures';
import { clusterDynamics, procedureDynamics } from '../core/dynamics';
import {
  alignRows,
  asResult,
  computeRow,
  flattenLine,
  inArgument,
  isEmptyCell,
  isSingleValue,
  mapRows,
  sheetCall,
  toRows,
  widthOf,
} from './args';
import type { CellOut, SheetResult } from './args';
import { ERROR_PREFIX, MSG, NO_ISBSH, ZONE_NO, ZONE_YES } from './messages';

export type { SheetResult } from './args';

/** The parameters of ISBSH in order, with the share each one is. */
const ISBSH_INPUTS: ReadonlyArray<{ name: string; key: IsbshShareKey }> = [
  { name: 'both_parents_higher', key: 'bothParentsHigherEd' },
  { name: 'comfortable_housing', key: 'comfortableHousing' },
  { name: 'single_parent', key: 'singleParent' },
  { name: 'registered', key: 'registered' },
  { name: 'non_native_russian', key: 'nonNativeRussian' },
];

/**
 * ИСБШ of each row (docs/методика.md §2), rounded to one decimal as the methodology shows it: the five
 * inputs are shares (0,33 / 33 / «33 %»), or counts when `total` (Всего обучающихся) is given.
 * Any input missing → the reason, never 0.
 */
export function ISBSH(
  both_parents_higher: unknown,
  comfortable_housing: unknown,
  single_parent: unknown,
  registered: unknown,
  non_native_russian: unknown,
  total?: unknown,
): SheetResult {
  return sheetCall(() => {
    // Counts mode is chosen by the presence of the argument, so an empty total cell is reported, not
    // silently read as «the inputs are shares».
    const countsMode = total !== undefined;
    // The region's formula (intercept and weights) comes from the saved settings, as everywhere else.
    const settings = savedSettings();
    const inputs = [both_parents_higher, comfortable_housing, single_parent, registered, non_native_russian];
    const args = [
      ...ISBSH_INPUTS.map((p, k) => ({ name: p.name, value: inputs[k], shape: 'cell' as const, data: true })),
      ...(countsMode ? [{ name: 'total', value: total, shape: 'cell' as const, data: true }] : []),
    ];
    return mapRows(args, (cells) => {
      const totalCount = countsMode ? readTotal(cells[5][0]) : null;
      const shares = {} as IsbshShares;
      ISBSH_INPUTS.forEach(({ name, key }, k) => {
        shares[key] = inArgument(name, cells[k][0], (v) => (countsMode ? shareFromCount(parseCount(v), totalCount) : parseShare(v)));
      });
      const missing = missingIsbshInputs(shares);
      if (missing.length > 0) {
        throw new ValueError(MSG.missingIsbshInputs(missing.map((key) => `${paramOfKey(key)} (${ISBSH_INPUT_LABELS[key]})`)));
      }
      return roundIsbsh(computeIsbsh(shares, settings) as number);
    });
  });
}

function readTotal(cell: unknown): number {
  const total = inArgument('total', cell, parseCount);
  if (total === null) throw new ValueError(MSG.totalMissing);
  if (total === 0) throw new ValueError(MSG.totalZero);
  return total;
}

function paramOfKey(key: IsbshShareKey): string {
  return (ISBSH_INPUTS.find((p) => p.key === key) as { name: string }).name;
}

/**
 * An ИСБШ value from a cell: a number in [0, 100] (Russian text too); null for no index — an empty
 * cell, a dash, or the error text another function left in the cell (its reason is shown there).
 */
function readIsbsh(name: string, cell: unknown): number | null {
  if (typeof cell === 'string' && cell.trim().startsWith(ERROR_PREFIX.trim())) return null;
  const x = inArgument(name, cell, parseRussianNumber);
  if (x !== null && (x < 0 || x > 100)) throw new ValueError(MSG.argument(name, MSG.isbshOutOfRange(cell)));
  return x;
}

/**
 * Level of each ИСБШ (docs/методика.md §2): «низкий» … «высокий», a boundary belonging to the upper level.
 * `boundaries` overrides the default cuts of the settings: four cuts, or five lower bounds (one per
 * level, the first ignored), as a row or a column.
 */
export function ISBSH_LEVEL(isbsh: unknown, boundaries?: unknown): SheetResult {
  return sheetCall(() => {
    const bounds =
      boundaries === undefined || (isSingleValue(boundaries) && isEmptyCell(toRows(boundaries)[0][0]))
        ? savedSettings().isbshLevelBounds
        : readBounds(boundaries);
    return mapRows([{ name: 'isbsh', value: isbsh, shape: 'cell', data: true }], (cells) => {
      const x = readIsbsh('isbsh', cells[0][0]);
      return x === null ? NO_ISBSH : isbshLevel(x, bounds);
    });
  });
}

function readBounds(value: unknown): number[] {
  const cells = flattenLine('boundaries', value);
  if (cells.length !== 4 && cells.length !== 5) throw new UserError(MSG.boundsCount(cells.length));
  const bounds = cells.map((cell, k) => {
    const x = inArgument('boundaries', cell, parseRussianNumber);
    if (x === null) throw new UserError(MSG.boundEmpty(k + 1));
    return x;
  });
  for (let k = 1; k < bounds.length; k++) {
    if (!(bounds[k] > bounds[k - 1])) throw new UserError(MSG.boundsNotAscending(k + 1));
  }
  return bounds;
}

/**
 * Zone of risk by ИСБШ (docs/методика.md §2) for a whole column of schools: «да» when the school's tied group
 * (ties by ИСБШ ascending) lies wholly within the first ⌊share·n⌋ places of its group; a tie straddling the cut
 * is «нет (на границе зоны риска …)». `groups` is a parallel
 * range of municipalities (omitted: the whole column is one group); `share` defaults to the settings'
 * 25 %. Groups with fewer schools than the settings' minimum flag nobody and say so.
 */
export function ISBSH_ZONE(isbsh_values: unknown, groups?: unknown, share?: unknown): SheetResult {
  return sheetCall(() => {
    const settings = savedSettings();
    const zoneShare = readZoneShare(share, settings);
    // «=ISBSH_ZONE(H2:H9; ; 20%)» passes an empty value for the skipped groups: the whole column is one group.
    const withGroups = groups !== undefined && !(isSingleValue(groups) && isEmptyCell(toRows(groups)[0][0]));
    const rows = alignRows([
      { name: 'isbsh_values', value: isbsh_values, shape: 'cell', data: true },
      ...(withGroups ? [{ name: 'groups', value: groups, shape: 'cell' as const, data: true }] : []),
    ]);

    // First pass: read every row; the ranking needs the whole column.
    const values: CellOut[] = [];
    const entries: { row: number; group: string; isbsh: number | null }[] = [];
    for (let i = 0; i < rows.height; i++) {
      if (rows.isEmpty(i)) {
        values.push('');
        continue;
      }
      const cells = rows.cells(i);
      values.push(
        computeRow(() => {
          const isbsh = readIsbsh('isbsh_values', cells[0][0]);
          const group = withGroups ? readGroup(cells[1][0], isbsh) : '';
          entries.push({ row: i, group, isbsh });
          return '';
        }, rows.height),
      );
    }

    const zone = computeRiskZone(entries, zoneShare, settings.riskZoneMinGroup);
    const small = new Set(zone.smallGroups);
    entries.forEach((entry, k) => {
      const inZone = zone.rows[k].inZone;
      values[entry.row] =
        inZone === null
          ? NO_ISBSH
          : inZone
            ? ZONE_YES
            : small.has(entry.group)
              ? MSG.zoneSmallGroup(settings.riskZoneMinGroup)
              : zone.rows[k].atBoundary
                ? MSG.zoneBoundary
                : ZONE_NO;
    });
    return asResult(values);
  });
}

function readZoneShare(share: unknown, settings: Settings): number {
  if (share === undefined) return settings.riskZoneShare;
  if (!isSingleValue(share)) throw new UserError(MSG.singleValueExpected('share'));
  const cell = toRows(share)[0][0];
  const x = inArgument('share', cell, parseShare);
  if (x === null) return settings.riskZoneShare;
  if (x === 0) throw new UserError(MSG.argument('share', MSG.zeroShare));
  return x;
}

function readGroup(cell: unknown, isbsh: number | null): string {
  if (isEmptyCell(cell)) {
    if (isbsh !== null) throw new ValueError(MSG.noGroup);
    return '';
  }
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  throw new ValueError(MSG.argument('groups', MSG.textExpected(cell)));
}

/** The failing-share ranges of the ШНОР functions, checked and lined up with optional names. */
function assessEachRow(
  current_shares: unknown,
  previous_shares: unknown,
  threshold: unknown,
  procedureNames: readonly string[] | null,
  show: (a: ShnorAssessment) => CellOut,
): SheetResult {
  const width = isSingleValue(current_shares) ? 1 : widthOf(toRows(current_shares));
  // A single empty value stands for «no data for the previous year».
  const noPrevious = isSingleValue(previous_shares) && isEmptyCell(toRows(previous_shares)[0][0]);
  if (!noPrevious) {
    const previousWidth = isSingleValue(previous_shares) ? 1 : widthOf(toRows(previous_shares));
    if (previousWidth !== width) throw new UserError(MSG.differentWidths('current_shares', width, 'previous_shares', previousWidth));
  }
  if (procedureNames !== null && procedureNames.length !== width)
    throw new UserError(MSG.procedureNamesCount(procedureNames.length, width));
  const names = procedureNames ?? Array.from({ length: width }, (_, k) => MSG.defaultProcedureName(k + 1));

  const args = [
    { name: 'current_shares', value: current_shares, shape: 'row' as const, data: true },
    { name: 'previous_shares', value: previous_shares, shape: 'row' as const, data: true },
    { name: 'threshold', value: threshold, shape: 'cell' as const, data: false },
  ];
  // Settings once per call, and one copy per threshold (usually one value for every row).
  const base = savedSettings();
  const byThreshold = new Map<number, Settings>();
  const words = procedureNames !== null;
  return mapRows(args, (cells) => {
    const threshold = readThreshold(cells[2][0], base);
    let settings = byThreshold.get(threshold);
    if (settings === undefined) byThreshold.set(threshold, (settings = { ...base, shnorThreshold: threshold }));
    const toShareCells = (name: string, row: unknown[]): ShareCell[] =>
      row.slice(0, width).map((cell, k) => ({ procedure: names[k], share: inArgument(name, cell, parseShare) }));
    const current = toShareCells('current_shares', cells[0]);
    const previous = noPrevious ? [] : toShareCells('previous_shares', cells[1]);
    return show(assessShnor(current, previous, null, settings, { words }));
  });
}

function readThreshold(cell: unknown, settings: Settings): number {
  const t = inArgument('threshold', cell, parseShare);
  if (t === null) return settings.shnorThreshold;
  if (t === 0) throw new ValueError(MSG.argument('threshold', MSG.zeroShare));
  return t;
}

function readProcedureNames(procedure_names: unknown): string[] {
  const cells = flattenLine('procedure_names', procedure_names);
  const names = cells.map((cell, k) => {
    if (isEmptyCell(cell)) return MSG.defaultProcedureName(k + 1);
    if (typeof cell === 'string') return cell.trim();
    if (typeof cell === 'number') return String(cell);
    throw new UserError(MSG.argument('procedure_names', MSG.textExpected(cell)));
  });
  // Procedures are matched by name between the two years, so two columns cannot share one name.
  const seen = new Set<string>();
  for (const name of names) {
    const key = normalizeProcedureName(name);
    if (seen.has(key)) throw new UserError(MSG.procedureNameDuplicate(name));
    seen.add(key);
  }
  return names;
}

/**
 * ШНОР status of each school (docs/методика.md §3): «ШНОР» when at least two procedures of the reporting
 * year have a failing share ≥ threshold (default from the settings, 30 %), or one procedure has it
 * both years; «нет данных» without a share for the reporting year; otherwise «не ШНОР». Each row is a
 * school, each column a procedure, in the same order in both ranges. No subject filter: the analyst
 * chooses the columns.
 */
export function SHNOR_STATUS(current_shares: unknown, previous_shares: unknown, threshold?: unknown): SheetResult {
  return sheetCall(() => assessEachRow(current_shares, previous_shares, threshold, null, (a) => a.status));
}

/**
 * Why a school is ШНОР (docs/методика.md §3), naming procedures (from `procedure_names`, one per column)
 * and shares, e.g. «ОГЭ математика: 67 % (прошлый год) и 33 % (отчётный год)»; "" when it is not.
 */
export function SHNOR_REASON(
  current_shares: unknown,
  previous_shares: unknown,
  procedure_names: unknown,
  threshold?: unknown,
): SheetResult {
  return sheetCall(() => {
    const names = readProcedureNames(procedure_names);
    return assessEachRow(current_shares, previous_shares, threshold, names, (a) => a.reason);
  });
}

/**
 * Кластер неосвоения (docs/методика.md §3) of a ШНОР by its highest failing share of the reporting year:
 * «базово» / «умеренно» / «сильно неуспевающие»; for other schools their status («не ШНОР», «нет данных»).
 */
export function FIOKO_CLUSTER(current_shares: unknown, previous_shares: unknown, threshold?: unknown): SheetResult {
  return sheetCall(() => assessEachRow(current_shares, previous_shares, threshold, null, (a) => clusterOrStatus(a)));
}

/**
 * Dynamics of one procedure's failing share from the previous year to the reporting year
 * (docs/методика.md §4): «положительная», «отрицательная», «нейтральная», «0 % за два года», «нет участников»
 * (a share missing in either year).
 */
export function RESULT_DYNAMICS(previous_share: unknown, current_share: unknown): SheetResult {
  return sheetCall(() =>
    mapRows(
      [
        { name: 'previous_share', value: previous_share, shape: 'cell', data: true },
        { name: 'current_share', value: current_share, shape: 'cell', data: true },
      ],
      (cells) =>
        procedureDynamics(inArgument('previous_share', cells[0][0], parseShare), inArgument('current_share', cells[1][0], parseShare)),
    ),
  );
}

/** The texts FIOKO_CLUSTER returns, which CLUSTER_DYNAMICS reads back. */
const CLUSTER_OR_STATUS_TEXTS: readonly ClusterOrStatus[] = [
  'базово неуспевающие',
  'умеренно неуспевающие',
  'сильно неуспевающие',
  'не ШНОР',
  'нет данных',
  'неполные данные',
];
const CLUSTER_BY_TEXT = new Map<string, ClusterOrStatus>(CLUSTER_OR_STATUS_TEXTS.map((t) => [normalizeAnswer(t), t]));

/** A cluster or status from a cell, in any case and spacing; an empty cell is «нет данных». */
function readClusterOrStatus(name: string, cell: unknown): ClusterOrStatus {
  if (isEmptyCell(cell)) return 'нет данных';
  if (typeof cell !== 'string') throw new ValueError(MSG.argument(name, MSG.textExpected(cell)));
  const known = CLUSTER_BY_TEXT.get(normalizeAnswer(cell));
  if (known === undefined) throw new ValueError(MSG.argument(name, MSG.unknownCluster(cell.trim(), CLUSTER_OR_STATUS_TEXTS)));
  return known;
}

/**
 * Dynamics by cluster from the previous year to the reporting year (docs/методика.md §4), from the texts
 * FIOKO_CLUSTER returns: «повысила кластер», «вышла из списка», «без изменений», «понизила кластер»,
 * «вошла в список», «—» (ШНОР in neither year). An empty cell counts as «нет данных».
 */
export function CLUSTER_DYNAMICS(previous_cluster: unknown, current_cluster: unknown): SheetResult {
  return sheetCall(() =>
    mapRows(
      [
        { name: 'previous_cluster', value: previous_cluster, shape: 'cell', data: true },
        { name: 'current_cluster', value: current_cluster, shape: 'cell', data: true },
      ],
      (cells) => clusterDynamics(readClusterOrStatus('previous_cluster', cells[0][0]), readClusterOrStatus('current_cluster', cells[1][0])),
    ),
  );
}
