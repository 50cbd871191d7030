import { describe, expect, it } from 'vitest';
import type { SchoolRecord } from '../../src/core/types';
import { handRegion } from '../fixtures/region';
import { headerOf, newAddon, resultsRows, rowOf } from '../support/harness';

const RESPONSES = 'Ответы на форму (1)';
const TOTAL = 200;
/** Outputs that carry ИСБШ, zones, statuses, clusters and deficits: the reworded form must give them unchanged. */
const COMPARED = ['ИСБШ', 'ШНОР', 'Риск-профили', 'Муниципалитеты', 'Показатели'];

/** The hand-worked region with every optional answer filled in, so deficits (specialists, Интернет, computers) count too. */
function region(): { schools: SchoolRecord[]; results: ReturnType<typeof handRegion>['results'] } {
  const { schools, results } = handRegion();
  const extra: Array<Partial<SchoolRecord>> = [
    { territory: 'село', specialists: [], stableInternet: false, enoughComputers: false, remoteTerritory: true },
    {
      territory: 'город',
      specialists: ['педагог-психолог', 'социальный педагог'],
      stableInternet: true,
      enoughComputers: true,
      remoteTerritory: false,
    },
    { territory: 'город', specialists: ['учитель-логопед'], stableInternet: true, enoughComputers: false, remoteTerritory: false },
    {
      territory: 'город',
      specialists: ['педагог-психолог', 'учитель-логопед', 'учитель-дефектолог', 'социальный педагог'],
      stableInternet: true,
      enoughComputers: true,
      remoteTerritory: false,
    },
    { territory: 'село', specialists: ['социальный педагог'], stableInternet: false, enoughComputers: true, remoteTerritory: true },
    { territory: 'село', specialists: [], stableInternet: true, enoughComputers: true, remoteTerritory: false },
  ];
  return {
    schools: schools.map((s, i) => ({
      ...s,
      ...extra[i],
      totalStudents: TOTAL,
      kdnShare: 0.01 * i,
      ovzShare: 0.02 * i,
      teachersTotal: 20,
      teachersHighestCategory: 2 + i,
      fundingPerStudent: 80_000 + 5_000 * i,
    })),
    results,
  };
}

const count = (share: number | null) => (share === null ? '' : Math.round(share * TOTAL));
const yesNo = (b: boolean | null) => (b === null ? '' : b ? 'да' : 'нет');
const SPECIALIST_CHOICE: Record<string, string> = {
  'педагог-психолог': 'Педагог-психолог',
  'учитель-дефектолог': 'Учитель-дефектолог',
  'учитель-логопед': 'Учитель-логопед',
  'социальный педагог': 'Социальный педагог',
};
const at = (i: number) => new Date(Date.UTC(2025, 8, 10, 9, i));

/** The add-in's own form: its question titles and answers. */
function cleanSheet(schools: SchoolRecord[]): unknown[][] {
  const header = [
    'Отметка времени',
    'Код ОО',
    'Наименование ОО',
    'Муниципалитет',
    'Тип территории',
    'Всего обучающихся',
    'Обучающихся, оба родителя которых имеют высшее образование',
    'Обучающихся из семей, проживающих в благоустроенном жилье',
    'Обучающихся из неполных семей',
    'Обучающихся, состоящих на различных видах учёта',
    'Обучающихся, для которых русский язык не является родным',
    'Обучающихся, состоящих на учёте в КДН и ЗП',
    'Обучающихся с ОВЗ',
    'Труднодоступная территория',
    'Педагогических работников всего',
    'Педагогических работников с высшей квалификационной категорией',
    'Специалисты в штате',
    'Устойчивый доступ в Интернет',
    'Достаточно компьютерной техники',
    'Финансирование на одного обучающегося, руб.',
  ];
  return [
    header,
    ...schools.map((s, i) => [
      at(i),
      s.schoolCode,
      s.name,
      s.municipality,
      s.territory,
      s.totalStudents,
      count(s.shares.bothParentsHigherEd),
      count(s.shares.comfortableHousing),
      count(s.shares.singleParent),
      count(s.shares.registered),
      count(s.shares.nonNativeRussian),
      count(s.kdnShare),
      count(s.ovzShare),
      yesNo(s.remoteTerritory),
      s.teachersTotal,
      s.teachersHighestCategory,
      s.specialists!.length ? s.specialists!.map((x) => SPECIALIST_CHOICE[x]).join(', ') : 'Нет ни одного из перечисленных',
      yesNo(s.stableInternet),
      yesNo(s.enoughComputers),
      s.fundingPerStudent,
    ]),
  ];
}

/**
 * Another region's form: questions asked as questions, abbreviations («уч-ся», «кол-во», «ВО», «ВШУ», «ПДН», «КДНиЗП»),
 * notes in brackets, the territory as «Сельская школа (да/нет)», one yes/no question per specialist, columns in
 * another order and two columns the add-in does not use.
 */
function rewordedSheet(schools: SchoolRecord[]): unknown[][] {
  const header = [
    'Timestamp',
    'Адрес электронной почты',
    'Код ОО (логин ФИС ОКО)',
    'Полное наименование ОО',
    'Муниципальный район / городской округ',
    'Сельская школа (да/нет)',
    'Сколько всего обучающихся в школе?',
    'Кол-во уч-ся, у которых оба родителя имеют ВО',
    'Сколько детей живут в благоустроенных квартирах?',
    'Кол-во детей из неполных семей',
    'Кол-во уч-ся на ВШУ и учёте в ПДН',
    'Сколько детей, для которых русский язык не родной?',
    'Состоят на учёте в КДНиЗП (чел.)',
    'Кол-во детей с ОВЗ',
    'Школа в труднодоступной местности? (да/нет)',
    'Сколько педагогов в штате (без совместителей)?',
    'Из них с высшей квалиф. категорией',
    'Наличие в штате педагога-психолога',
    'Наличие в штате учителя-логопеда',
    'Наличие в штате учителя-дефектолога',
    'Наличие в штате социального педагога',
    'Есть ли стабильный Интернет (не менее 50 Мбит/с)?',
    'Достаточно ли компьютеров для учебного процесса?',
    'Подушевое финансирование, руб. на 1 уч-ся',
    'ФИО ответственного',
  ];
  const has = (s: SchoolRecord, name: string) => yesNo(s.specialists!.includes(name));
  return [
    header,
    ...schools.map((s, i) => [
      at(i),
      `school${i}@example.ru`,
      s.schoolCode,
      s.name,
      s.municipality,
      yesNo(s.territory === 'село'),
      s.totalStudents,
      count(s.shares.bothParentsHigherEd),
      count(s.shares.comfortableHousing),
      count(s.shares.singleParent),
      count(s.shares.registered),
      count(s.shares.nonNativeRussian),
      count(s.kdnShare),
      count(s.ovzShare),
      yesNo(s.remoteTerritory),
      s.teachersTotal,
      s.teachersHighestCategory,
      has(s, 'педагог-психолог'),
      has(s, 'учитель-логопед'),
      has(s, 'учитель-дефектолог'),
      has(s, 'социальный педагог'),
      yesNo(s.stableInternet),
      yesNo(s.enoughComputers),
      s.fundingPerStudent,
      'Иванова И. И.',
    ]),
  ];
}

function run(responses: unknown[][]) {
  const { results } = region();
  const { twin, addon } = newAddon((t) => {
    t.addSheet(RESPONSES, responses);
    t.addSheet('Результаты ОП', resultsRows(results));
  });
  addon.call('menuComputeAll');
  return twin;
}

describe('a region’s reworded form, through the built add-in', () => {
  it('gives the same ИСБШ, zones, statuses, clusters and deficits as the add-in’s own form', () => {
    const { schools } = region();
    const clean = run(cleanSheet(schools));
    const reworded = run(rewordedSheet(schools));
    expect(reworded.ui.alerts.at(-1)?.message).toBe(clean.ui.alerts.at(-1)?.message);
    for (const sheet of COMPARED) expect(reworded.sheetValues(sheet), sheet).toEqual(clean.sheetValues(sheet));
    // Anchors worked out by hand in test/fixtures/region.ts: А1's ИСБШ is 78,1 and in the zone of risk; А2 is ШНОР.
    const isbsh = headerOf(reworded, 'ИСБШ');
    expect(rowOf(reworded, 'ИСБШ', 'a1')[isbsh.indexOf('ИСБШ')]).toBe(78.1);
    expect(rowOf(reworded, 'ИСБШ', 'a1')[isbsh.indexOf('Зона риска')]).toBe('да');
    const shnor = headerOf(reworded, 'ШНОР');
    expect(rowOf(reworded, 'ШНОР', 'a2')[shnor.indexOf('Статус ШНОР')]).toBe('ШНОР');
  });

  it('lists the two columns it does not use in «Проверка данных», and nothing ambiguous', () => {
    const twin = run(rewordedSheet(region().schools));
    const check = twin.sheetValues('Проверка данных').filter((r) => r[0] === RESPONSES);
    const columns = check.filter((r) => r[5] !== '' && String(r[6]).startsWith('столбец не использован')).map((r) => r[3]);
    expect(columns).toEqual(['Адрес электронной почты', 'ФИО ответственного']);
    expect(check.filter((r) => String(r[5]).includes('одинаково подходит'))).toEqual([]);
  });
});
