import { describe, expect, it } from 'vitest';
import { seedSample } from '../../scripts/lib/seed';
import { handRegion, school } from '../fixtures/region';
import { INPUT_SHEETS, headerOf, newAddon, responsesRows, resultsRows, rowOf, snapshots } from '../support/harness';

const OUTPUTS = ['ИСБШ', 'ШНОР', 'Динамика', 'Динамика кластеров', 'Муниципалитеты', 'Показатели', 'Риск-профили', 'Проверка данных'];

function handAddon() {
  const { schools, results } = handRegion();
  return newAddon((twin) => {
    twin.addSheet('Ответы на форму (1)', responsesRows(schools));
    twin.addSheet('Результаты ОП', resultsRows(results));
  });
}

describe('the built add-in opened in Sheets', () => {
  it('loads without calling any service and builds the add-on menu in AuthMode.NONE without touching properties', () => {
    const { twin, addon } = newAddon();
    expect(addon.callsAtLoad).toBe(0);
    // The twin's document properties throw in NONE, so this passing shows onOpen does not touch them.
    addon.call('onOpen', { authMode: 'NONE' });
    const menu = twin.ui.menu();
    expect(menu?.addon).toBe(true);
    const captions = menu!.items.filter((i) => 'caption' in i).map((i) => (i as { caption: string }).caption);
    expect(captions).toEqual([
      'Открыть панель',
      'Создать шаблоны',
      'Создать шаблоны сверки (ФИОКО, объективность ВПР)',
      'Проверить данные',
      'Рассчитать всё',
      'Сформировать дорожные карты для всех ШНОР',
      'Обновить мониторинг ДК',
      'Обновить защиту листов',
      'Создать форму «Социальный паспорт»',
      'Пересчитывать при новом ответе формы',
    ]);
    for (const item of menu!.items) if ('functionName' in item) expect(addon.functions).toContain(item.functionName);
  });

  it('onInstall shows the same menu in FULL mode', () => {
    const { twin, addon } = newAddon();
    addon.call('onInstall', { authMode: 'FULL' });
    expect(twin.ui.menu()?.items.length).toBe(12); // the ten items above and two separators
  });

  it('opens the Russian sidebar from the menu', () => {
    const { twin, addon } = newAddon();
    addon.call('showSidebar');
    expect(twin.ui.sidebars[0].title).toBe('ШНОР-монитор');
    expect(twin.ui.sidebars[0].content).toContain('<script>');
  });
});

describe('«Рассчитать всё» on the hand-worked region', () => {
  it('writes «ИСБШ» with the index, level, rank and zone worked out by hand', () => {
    const { twin, addon } = handAddon();
    addon.call('menuComputeAll');
    expect(twin.ui.alerts.at(-1)?.message).toBe(
      'Расчёт за 2025 год завершён. Школ: 6; ШНОР: 3; в зоне риска по ИСБШ: 1; приоритетных адресатов: 1.',
    );
    const header = headerOf(twin, 'ИСБШ');
    const a1 = rowOf(twin, 'ИСБШ', 'a1');
    const at = (name: string) => a1[header.indexOf(name)];
    expect(at('ИСБШ')).toBe(78.1);
    expect(at('Уровень ИСБШ')).toBe('низкий');
    expect(at('Ранг в муниципалитете')).toBe(1);
    expect(at('Зона риска')).toBe('да');
    expect(rowOf(twin, 'ИСБШ', 'a4')[header.indexOf('ИСБШ')]).toBe(88.2);
    expect(twin.sheetDisplayValues('ИСБШ').find((r) => r[0] === 'a4')![header.indexOf('ИСБШ')]).toBe('88.2');
  });

  it('writes «ШНОР» with statuses, reasons and clusters, and shares as percent-formatted numbers', () => {
    const { twin, addon } = handAddon();
    addon.call('menuComputeAll');
    const header = headerOf(twin, 'ШНОР');
    const a2 = rowOf(twin, 'ШНОР', 'a2');
    expect(a2[header.indexOf('Статус ШНОР')]).toBe('ШНОР');
    expect(a2[header.indexOf('Основание')]).toBe('ОГЭ математика: 35 % (2024) и 30 % (2025)');
    expect(a2[header.indexOf('Кластер')]).toBe('базово неуспевающие');
    expect(a2[header.indexOf('ОГЭ математика, 2025')]).toBe(0.3);
    expect(rowOf(twin, 'ШНОР', 'b2')[header.indexOf('Статус ШНОР')]).toBe('нет данных');
    expect(rowOf(twin, 'ШНОР', 'a1')[header.indexOf('Приоритетный адресат')]).toBe('да');
  });

  it('builds every output sheet with a frozen bold header and its charts', () => {
    const { twin, addon } = handAddon();
    addon.call('menuComputeAll');
    for (const name of OUTPUTS) expect(twin.hasSheet(name), name).toBe(true);
    const isbsh = twin.spreadsheet.getSheetByName('ИСБШ')!;
    expect(isbsh.getFrozenRows()).toBe(1);
    expect(isbsh.getRange(1, 1).getFontWeight()).toBe('bold');
    expect(isbsh.getFilter()).not.toBeNull();
    expect(isbsh.getRange(1, 1).getNote()).toMatch(/Цвет уровня ИСБШ/);
    const titles = OUTPUTS.flatMap((n) =>
      twin.spreadsheet
        .getSheetByName(n)!
        .getCharts()
        .map((c) => String(c.getOptions().get('title'))),
    );
    expect(titles).toEqual(
      expect.arrayContaining([
        'ИСБШ по школам (цвет — уровень индекса)',
        'Школы по кластерам неосвоения, 2025',
        'Типы динамики по процедурам, 2024 → 2025',
        'Доля ШНОР и зоны риска по муниципалитетам',
        'Ресурсные дефициты по муниципалитетам',
      ]),
    );
    const levelRules = isbsh.getConditionalFormatRules();
    expect(levelRules.length).toBeGreaterThanOrEqual(6);
  });

  it('running twice gives the same sheets and the same number of charts', () => {
    const { twin, addon } = handAddon();
    addon.call('menuComputeAll');
    const first = snapshots(twin, OUTPUTS);
    const charts = twin.spreadsheet.getSheets().reduce((n, s) => n + s.getCharts().length, 0);
    const names = twin.sheetNames();
    addon.call('menuComputeAll');
    expect(snapshots(twin, OUTPUTS)).toEqual(first);
    expect(twin.spreadsheet.getSheets().reduce((n, s) => n + s.getCharts().length, 0)).toBe(charts);
    expect(twin.sheetNames()).toEqual(names);
  });

  it('refuses a second run while another holds the document lock, in Russian, changing nothing', () => {
    const { twin, addon } = handAddon();
    const before = twin.snapshotSpreadsheet();
    const release = twin.holdDocumentLock();
    addon.call('menuComputeAll');
    release();
    expect(twin.ui.alerts.at(-1)?.message).toBe(
      'В этой таблице уже идёт расчёт. Дождитесь его окончания (обычно меньше минуты) и повторите.',
    );
    expect(twin.snapshotSpreadsheet()).toBe(before);
  });

  it('keeps a school name that looks like a formula as visible text', () => {
    const { schools, results } = handRegion();
    schools[0] = { ...schools[0], name: '=IMPORTXML("http://example.org";"//a")' };
    schools[1] = { ...schools[1], name: '+7 (999) школа' };
    const { twin, addon } = newAddon((t) => {
      t.addSheet('Ответы на форму (1)', responsesRows(schools));
      t.addSheet('Результаты ОП', resultsRows(results));
    });
    addon.call('menuComputeAll');
    const header = headerOf(twin, 'ИСБШ');
    const col = header.indexOf('Наименование ОО');
    expect(rowOf(twin, 'ИСБШ', 'a1')[col]).toBe('=IMPORTXML("http://example.org";"//a")');
    expect(rowOf(twin, 'ИСБШ', 'a2')[col]).toBe('+7 (999) школа');
    const formulas = twin.sheetFormulas('ИСБШ').flat().filter(Boolean);
    expect(formulas).toEqual([]);
  });
});

describe('the sample region through every menu action', () => {
  it('changes nothing in the responses and input sheets, and lists every data problem', () => {
    const { twin, addon } = newAddon((t) => seedSample(t as never));
    const before = snapshots(twin, INPUT_SHEETS);
    for (const fn of ['menuCreateTemplates', 'menuCheckData', 'menuComputeAll', 'menuRoadmaps', 'menuMonitoring']) {
      addon.call(fn);
      expect(snapshots(twin, INPUT_SHEETS), `after ${fn}`).toEqual(before);
    }
    const problems = twin.sheetValues('Проверка данных');
    const header = problems.findIndex((r) => r[0] === 'Лист');
    expect(problems[header]).toEqual(['Лист', 'Строка', 'Код ОО', 'Поле', 'Значение', 'Проблема', 'Что сделано']);
    const rows = problems.slice(header + 1);
    // samples/README.md: «26,3 %» in a count column at row 11, an empty Код ОО at row 75, a superseded answer at row 71.
    expect(rows).toContainEqual(expect.arrayContaining([11, 'в столбце количества указан процент: «26,3 %»']));
    expect(rows).toContainEqual(expect.arrayContaining([75, 'не указан Код ОО']));
    expect(rows.some((r) => r[1] === 71 && String(r[6]).startsWith('заменено более поздним ответом'))).toBe(true);
    // The school with the rejected value is still classified.
    expect(rowOf(twin, 'ШНОР', 'edu760041')[3]).toMatch(/ШНОР|не ШНОР|нет данных/);
  });

  it('creates roadmaps for every ШНОР and keeps people’s edits when they are regenerated', () => {
    const { twin, addon } = newAddon((t) => seedSample(t as never));
    addon.call('menuComputeAll');
    addon.call('menuRoadmaps');
    const shnorCodes = twin
      .sheetValues('ШНОР')
      .filter((r) => r[3] === 'ШНОР')
      .map((r) => String(r[0]));
    expect(shnorCodes.length).toBeGreaterThan(0);
    for (const code of shnorCodes) expect(twin.hasSheet(`ДК ${code}`), code).toBe(true);

    const name = `ДК ${shnorCodes[0]}`;
    const sheet = twin.spreadsheet.getSheetByName(name)!;
    const values = twin.sheetValues(name);
    const headerRow = values.findIndex((r) => r[0] === '№') + 1;
    // A person: first measure done, a comment on the second, and a row of their own below the data.
    sheet.getRange(headerRow + 1, 9).setValue('выполнено');
    sheet.getRange(headerRow + 2, 10).setValue('Перенесли на педсовет');
    const lastData = values.length;
    sheet
      .getRange(lastData + 1, 2, 1, 8)
      .setValues([['Общие меры', 'Своя задача', 'Собрание с родителями 9-х классов', '', 'Директор', '', '', 'в работе']]);

    addon.call('menuRoadmaps');
    const after = twin.sheetValues(name);
    const h = after.findIndex((r) => r[0] === '№');
    expect(after[h + 1][8]).toBe('выполнено');
    expect(after[h + 2][9]).toBe('Перенесли на педсовет');
    expect(after.some((r) => r[3] === 'Собрание с родителями 9-х классов' && r[8] === 'в работе')).toBe(true);
    // The status drop-down and the header protection are in place.
    const status = twin.spreadsheet
      .getSheetByName(name)!
      .getRange(h + 2, 9)
      .getDataValidation();
    expect(status?.getCriteriaValues()[0]).toEqual(['не начато', 'в работе', 'выполнено', 'отменено']);
    const ranges = twin.spreadsheet.getSheetByName(name)!.getProtections(SpreadsheetAppProtectionRange());
    expect(
      ranges.filter((p) => p.isWarningOnly() && p.getDescription() === 'Шапка дорожной карты: заполняется ШНОР-монитором'),
    ).toHaveLength(1);
  });

  it('«Мониторинг ДК» counts the rows of every roadmap', () => {
    const { twin, addon } = newAddon((t) => seedSample(t as never));
    addon.call('menuComputeAll');
    addon.call('menuRoadmaps');
    const values = twin.sheetValues('Мониторинг ДК');
    const h = values.findIndex((r) => r[0] === 'Лист');
    const rows = values.slice(h + 1);
    const roadmaps = twin.sheetNames().filter((n) => n.startsWith('ДК '));
    expect(rows.map((r) => r[0]).sort()).toEqual(roadmaps.sort());
    for (const r of rows) {
      const sheetRows = twin.sheetValues(String(r[0]));
      const hh = sheetRows.findIndex((x) => x[0] === '№');
      expect(r[2]).toBe(sheetRows.slice(hh + 1).filter((x) => x[3] !== '').length);
    }
  });
});

describe('templates and the form', () => {
  it('creates «Результаты ОП», «Риски» and «Группы» with validations once and never overwrites them', () => {
    const { twin, addon } = newAddon();
    addon.call('menuCreateTemplates');
    expect(twin.ui.alerts.at(-1)?.message).toBe('Созданы листы: «Результаты ОП», «Риски», «Группы», «Доступ».');
    expect(twin.sheetValues('Группы')[0]).toEqual(['Код ОО', 'Группа']);
    const results = twin.spreadsheet.getSheetByName('Результаты ОП')!;
    expect(twin.sheetValues('Результаты ОП')[0]).toEqual([
      'Код ОО',
      'Год',
      'Процедура',
      'Участников',
      'Не преодолели порог',
      'Высокобалльников',
    ]);
    expect(results.getRange(2, 3).getDataValidation()?.getCriteriaValues()[0]).toContain('ОГЭ математика');
    results.getRange(2, 1, 1, 3).setValues([['edu1', 2025, 'ОГЭ математика']]);
    const before = twin.snapshotSheet('Результаты ОП');
    addon.call('menuCreateTemplates');
    expect(twin.ui.alerts.at(-1)?.message).toBe('Уже были и не изменены: «Результаты ОП», «Риски», «Группы», «Доступ».');
    expect(twin.snapshotSheet('Результаты ОП')).toBe(before);
  });

  it('creates the passport form linked to the spreadsheet, and the add-in finds its responses sheet', () => {
    const { twin, addon } = newAddon();
    addon.call('menuCreateForm');
    expect(twin.ui.alerts.at(-1)?.message).toMatch(/^Форма «Социальный паспорт школы» создана и связана с этой таблицей: /);
    expect(twin.forms.length).toBe(1);
    const state = addon.run('sidebarState');
    expect(state.responsesSheet).not.toBeNull();
    expect(state.fields.filter((f: { required: string; column: number | null }) => f.required !== 'no' && f.column === null)).toEqual([]);
  });

  it('turns the form-submit recompute trigger on and off, one per document', () => {
    const { twin, addon } = newAddon();
    addon.call('menuToggleTrigger');
    expect(twin.triggers.filter((t) => t.handler === 'onFormSubmitRecompute').length).toBe(1);
    addon.call('menuToggleTrigger');
    expect(twin.triggers.filter((t) => t.handler === 'onFormSubmitRecompute').length).toBe(0);
  });
});

describe('custom functions in the built bundle', () => {
  it('ISBSH on single cells: shares and counts with a total', () => {
    const { addon } = newAddon();
    // 65 + 15·0,2 + 20·0,8 − 15·0,2 − 35·0,04 − 15·0,1 = 78,1
    expect(addon.call('ISBSH', 0.2, 0.8, 0.2, 0.04, 0.1)).toBe(78.1);
    expect(addon.call('ISBSH', 20, 80, 20, 4, 10, 100)).toBe(78.1);
    expect(() => addon.call('ISBSH', 'abc', 0.8, 0.2, 0.04, 0.1)).toThrow(/не число/);
  });

  it('ISBSH over a 2-D range spills a column, with an empty row left empty and a bad row marked', () => {
    const { addon } = newAddon();
    const col = (...v: unknown[]) => v.map((x) => [x]);
    const out = addon.call(
      'ISBSH',
      col(0.2, '', 0.3, 'x'),
      col(0.8, '', 0.9, 0.9),
      col(0.2, '', 0.1, 0.1),
      col(0.04, '', 0.02, 0.02),
      col(0.1, '', 0, 0),
    );
    expect(out[0][0]).toBe(78.1);
    expect(out[1][0]).toBe('');
    expect(out[2][0]).toBe(85.3); // 65 + 4,5 + 18 − 1,5 − 0,7 − 0
    expect(String(out[3][0])).toMatch(/^#ОШИБКА: /);
  });

  it('SHNOR_STATUS over a range of schools × procedures', () => {
    const { addon } = newAddon();
    const out = addon.call(
      'SHNOR_STATUS',
      [
        [0.4, 0.3],
        [0.3, ''],
        [0.1, 0.1],
        ['', ''],
      ],
      [
        [0.2, 0.1],
        [0.35, ''],
        [0.5, 0.5],
        ['', ''],
      ],
    );
    expect(out).toEqual([['ШНОР'], ['ШНОР'], ['не ШНОР'], ['']]);
  });
});

function SpreadsheetAppProtectionRange(): GoogleAppsScript.Spreadsheet.ProtectionType {
  return 'RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
}

describe('roadmap indicators', () => {
  it('«Мониторинг ДК» shows the share of ШНОР with a roadmap beside the table', () => {
    const { twin, addon } = newAddon((t) => seedSample(t as never));
    addon.call('menuComputeAll');
    const shnor = twin
      .sheetValues('ШНОР')
      .filter((r) => r[3] === 'ШНОР')
      .map((r) => String(r[0]));
    // Roadmaps for two of the ШНОР only, through the sidebar's choice of schools.
    const ticket = addon.run('sidebarStartRun', 'roadmaps', { schoolCodes: shnor.slice(0, 2) });
    let step;
    do step = addon.run('sidebarRunStep', ticket.runId);
    while (!step.finished);
    const row = twin.sheetValues('Мониторинг ДК').find((r) => r.includes('Доля ШНОР с дорожной картой'))!;
    const value = row[row.indexOf('Доля ШНОР с дорожной картой') + 1];
    expect(value).toBe(Math.round((2 / shnor.length) * 100) / 100);
  });
});

describe('a responses sheet the add-in cannot use', () => {
  it('stops with a Russian message listing the missing required columns and the ones it found, writing nothing', () => {
    const { schools } = handRegion();
    const rows = responsesRows(schools).map((r) => r.filter((_, i) => i !== 3)); // no «Муниципалитет»
    const { twin, addon } = newAddon((t) => t.addSheet('Ответы на форму (1)', rows));
    const before = twin.sheetNames();
    addon.call('menuComputeAll');
    const message = twin.ui.alerts.at(-1)!.message;
    expect(message).toMatch(/Муниципалитет/);
    expect(message).toMatch(/Наименование ОО/); // listed among the columns found
    expect(twin.sheetNames()).toEqual(before);
  });

  it('without any responses sheet says how to link the form', () => {
    const { twin, addon } = newAddon();
    addon.call('menuCheckData');
    expect(twin.ui.alerts.at(-1)!.message).toMatch(/^Не найден лист с ответами формы «Социальный паспорт школы»/);
  });
});

describe('every output sheet reads at a glance', () => {
  it('has a frozen bold header with a filter', () => {
    const { twin, addon } = newAddon((t) => seedSample(t as never));
    addon.call('menuComputeAll');
    addon.call('menuRoadmaps');
    for (const name of [...OUTPUTS, 'Мониторинг ДК']) {
      const sheet = twin.spreadsheet.getSheetByName(name)!;
      const frozen = sheet.getFrozenRows();
      expect(frozen, name).toBeGreaterThan(0);
      expect(sheet.getRange(frozen, 1).getFontWeight(), name).toBe('bold');
      expect(sheet.getFilter(), name).not.toBeNull();
    }
  });
});

describe('recompute on a new form response', () => {
  it('the installed trigger handler adds the new school to the outputs, without any dialog', () => {
    const { schools, results } = handRegion();
    const { twin, addon } = newAddon((t) => {
      t.addSheet('Ответы на форму (1)', responsesRows(schools));
      t.addSheet('Результаты ОП', resultsRows(results));
      t.linkForm('Ответы на форму (1)');
    });
    addon.call('menuToggleTrigger');
    addon.call('menuComputeAll');
    const alerts = twin.ui.alerts.length;
    const newcomer = school('a5', 'Александровский район', [0.1, 0.7, 0.3, 0.05, 0.2]);
    const answers = responsesRows([newcomer])[1].slice(1); // the form's items, without the timestamp
    const event = twin.submitForm(answers);
    addon.call('onFormSubmitRecompute', event);
    expect(twin.ui.alerts.length).toBe(alerts);
    // 65 + 1,5 + 14 − 4,5 − 1,75 − 3 = 71,25 → 71,3 (one decimal, half up)
    expect(rowOf(twin, 'ИСБШ', 'a5')[5]).toBe(71.3);
  });
});

describe('the data check without «Результаты ОП»', () => {
  it('says what is wrong in «Проблема» and what the add-in did in «Что сделано»', () => {
    const { schools } = handRegion();
    const { twin, addon } = newAddon((t) => t.addSheet('Ответы на форму (1)', responsesRows(schools)));
    addon.call('menuCheckData');
    const header = headerOf(twin, 'Проверка данных', 'Лист');
    const row = twin.sheetValues('Проверка данных').find((r) => r[header.indexOf('Лист')] === 'Результаты ОП')!;
    expect(row[header.indexOf('Проблема')]).toBe('нет листа «Результаты ОП»: создайте его (меню «Создать шаблоны») и заполните');
    expect(row[header.indexOf('Что сделано')]).toBe('статусы ШНОР и динамика не рассчитаны: у всех школ «нет данных»');
  });
});
