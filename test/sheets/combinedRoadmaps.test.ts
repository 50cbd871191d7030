/**
 * «Дорожные карты» on its own (docs/методика.md §6): where each school's roadmap goes, and the combined sheet's
 * blocks and editable areas read back from the cells a person may have changed.
 */
import { describe, expect, it } from 'vitest';
import type { RoadmapRow } from '../../src/core/roadmap';
import { combinedAreas, combinedAreasOfSpec, combinedRoadmapSheet, readCombinedRoadmaps } from '../../src/sheets/combinedRoadmaps';
import { placeRoadmaps } from '../../src/sheets/roadmapSheets';
import { headerRowOf } from '../../src/sheets/sheetSpec';
import { EARLIER_COMBINED_HEADER, specValues } from '../support/harness';

function row(measure: string, status = 'не начато'): RoadmapRow {
  return {
    measureId: `m-${measure}`,
    factor: 'Общие меры',
    task: 'Задача',
    measure,
    deadline: null,
    owner: 'Директор',
    indicator: '',
    document: '',
    status,
    comment: '',
  };
}

describe('where a roadmap goes', () => {
  it('keeps tabs and blocks where they are, and gives new schools tabs up to the limit in the run’s order', () => {
    const placed = placeRoadmaps(['t1', 'c1', 'n1', 'n2', 'n3'], new Set(['t1', 'x']), new Set(['c1']), 4);
    // Two tabs exist (t1, x): room for two more, n1 and n2; n3 goes to the combined sheet, c1 stays there.
    expect(placed).toEqual({ tabs: ['t1', 'n1', 'n2'], combined: ['c1', 'n3'] });
  });

  it('sends a school whose tab name with « ~черновик» would pass 100 characters to the combined sheet', () => {
    // «ДК » (3) + code + « ~черновик» (10) ≤ 100: a code of 87 characters fits, one of 88 does not.
    const fits = 'a'.repeat(87);
    const long = 'b'.repeat(88);
    expect(placeRoadmaps([fits, long], new Set(), new Set(), 50)).toEqual({ tabs: [fits], combined: [long] });
  });
});

describe('the combined sheet', () => {
  const spec = combinedRoadmapSheet(
    [
      { schoolCode: 'A', schoolName: 'Школа А', municipality: 'МО Альфа', cluster: 'сильно неуспевающие', rows: [row('м1'), row('м2')] },
      { schoolCode: 'B', schoolName: 'Школа Б', municipality: 'МО Бета', cluster: 'базово неуспевающие', rows: [row('м3')] },
    ],
    2026,
  );
  const first = headerRowOf(spec) + 1;

  it('writes a block per school numbered from 1, each closed by three empty rows with its code', () => {
    // Columns: Код ОО, Школа, Муниципалитет, Кластер, then the roadmap's: № (index 4) … Мероприятие (index 7).
    expect(spec.rows.map((r) => [r[0], r[4], r[7]])).toEqual([
      ['A', 1, 'м1'],
      ['A', 2, 'м2'],
      ['A', '', ''],
      ['A', '', ''],
      ['A', '', ''],
      ['B', 1, 'м3'],
      ['B', '', ''],
      ['B', '', ''],
      ['B', '', ''],
    ]);
    expect(spec.filter).toBe(true);
  });

  it('shows on every row of a block the school, its municipality and its cluster, so that a filter by either works', () => {
    expect(spec.columns.slice(0, 5).map((c) => c.header)).toEqual(['Код ОО', 'Школа', 'Муниципалитет', 'Кластер', '№']);
    expect(new Set(spec.rows.filter((r) => r[0] === 'B').map((r) => `${r[1]} | ${r[2]} | ${r[3]}`))).toEqual(
      new Set(['Школа Б | МО Бета | базово неуспевающие']),
    );
  });

  it('gives each school Срок, Статус + Комментарий of its rows and the visible roadmap columns of its empty rows', () => {
    // Columns: Код ОО (A), Школа (B), Муниципалитет (C), Кластер (D), № (E) … Срок (I) … Статус (M), Комментарий (N),
    // Примечание (O), ID меры (P, hidden): the empty rows' area runs from № to Примечание, E:O = 11 columns.
    expect(combinedAreasOfSpec(spec)).toEqual([
      {
        schoolCode: 'A',
        areas: [
          { row: first, column: 9, numRows: 5, numColumns: 1 },
          { row: first, column: 13, numRows: 5, numColumns: 2 },
          { row: first + 2, column: 5, numRows: 3, numColumns: 11 },
        ],
      },
      {
        schoolCode: 'B',
        areas: [
          { row: first + 5, column: 9, numRows: 4, numColumns: 1 },
          { row: first + 5, column: 13, numRows: 4, numColumns: 2 },
          { row: first + 6, column: 5, numRows: 3, numColumns: 11 },
        ],
      },
    ]);
  });

  it('reads people’s work back by school: a filled empty row, a row inserted without a code, and rows sorted apart', () => {
    const values = specValues(spec);
    const at = (i: number) => values[first - 1 + i];
    at(0)[12] = 'выполнено';
    // School A writes a measure of its own in its first empty row.
    at(2)[7] = 'Своё мероприятие';
    // Somebody inserts a row inside A's block without a code: it belongs to A.
    values.splice(first - 1 + 1, 0, ['', '', '', '', '', 'Общие меры', 'Задача', 'Вставлено вручную', '', '', '', '', '', '', '', '']);
    // And B's row ends up above A's after a sort: B stays one school.
    const bRow = values.splice(first - 1 + 6, 1)[0];
    values.splice(first - 1, 0, bRow);
    const blocks = readCombinedRoadmaps(values);
    expect(blocks.map((b) => [b.schoolCode, b.schoolName, b.municipality, b.rows.map((r) => r.measure)])).toEqual([
      ['B', 'Школа Б', 'МО Бета', ['м3']],
      ['A', 'Школа А', 'МО Альфа', ['м1', 'Вставлено вручную', 'м2', 'Своё мероприятие']],
    ]);
    expect(blocks[1].rows[0].status).toBe('выполнено');
    // B's rows, sorted apart, are two runs: its measure (Срок; Статус + Комментарий) and its empty rows (the same two
    // and the roadmap's columns) — 2 + 3 areas, none of them over A's rows.
    const b = combinedAreas(values).find((s) => s.schoolCode === 'B')!.areas;
    expect(b).toHaveLength(5);
    expect(b[0]).toEqual({ row: first, column: 9, numRows: 1, numColumns: 1 });
    expect(b[2].row).toBe(first + 7);
  });
});

describe('a combined sheet written before Муниципалитет and Кластер were added', () => {
  it('is read by its titles, and its editable areas are where its own header puts them', () => {
    // The earlier layout: Код ОО, Школа, then the roadmap's twelve columns — Срок in G (7), Статус K (11), № C (3).
    const header = [...EARLIER_COMBINED_HEADER];
    const measure = ['A', 'Школа А', 1, 'Общие меры', 'Задача', 'м1', '', 'Директор', '', '', 'в работе', '', '', 'm-м1'];
    const spare = ['A', 'Школа А', '', '', '', '', '', '', '', '', '', '', '', ''];
    const values = [['Дорожные карты'], [], header, measure, spare];
    expect(readCombinedRoadmaps(values)).toEqual([
      expect.objectContaining({
        schoolCode: 'A',
        schoolName: 'Школа А',
        municipality: '',
        cluster: '',
        rows: [expect.objectContaining({ measure: 'м1', status: 'в работе' })],
      }),
    ]);
    expect(combinedAreas(values)).toEqual([
      {
        schoolCode: 'A',
        areas: [
          { row: 4, column: 7, numRows: 2, numColumns: 1 },
          { row: 4, column: 11, numRows: 2, numColumns: 2 },
          { row: 5, column: 3, numRows: 1, numColumns: 11 },
        ],
      },
    ]);
  });
});
