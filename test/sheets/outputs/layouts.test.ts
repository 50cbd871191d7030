import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../src/core/pipeline';
import { defaultSettings } from '../../../src/core/settings';
import { DEFAULT_RISK_FACTORS } from '../../../src/core/factors';
import { isbshSheet } from '../../../src/sheets/outputs/isbshSheet';
import { shnorSheet } from '../../../src/sheets/outputs/shnorSheet';
import { clusterDynamicsSheet, dynamicsSheet, indicatorsSheet, municipalitiesSheet } from '../../../src/sheets/outputs/summarySheets';
import { handRegion } from '../../fixtures/region';

const { schools, results } = handRegion();
const report = computeReport({ schools, results, diagnoses: [], factors: [...DEFAULT_RISK_FACTORS], settings: defaultSettings() });

describe('output sheet layouts', () => {
  it('«ИСБШ» has the fixed columns in order and «да»/«нет» cells', () => {
    const spec = isbshSheet(report);
    expect(spec.columns.slice(0, 13).map((c) => c.header)).toEqual([
      'Код ОО',
      'Наименование ОО',
      'Муниципалитет',
      'Тип территории',
      'Обучающихся',
      'ИСБШ',
      'Уровень ИСБШ',
      'Ранг в муниципалитете',
      'Зона риска',
      'Тип школы',
      'Кадровый дефицит',
      'Инфраструктурный дефицит',
      'Финансовый дефицит',
    ]);
    const a1 = spec.rows.find((r) => r[0] === 'a1')!;
    expect(a1.slice(5, 9)).toEqual([78.1, 'низкий', 1, 'да']);
    expect(a1[9]).toBe('периферийная городская школа');
    expect(spec.columns[5].format).toBe('0.0');
    expect(spec.charts?.[0].kind).toBe('COLUMN');
    expect(spec.charts?.[0].title).toMatch(/ИСБШ/);
  });

  it('«ШНОР» has the fixed columns, then both years of every procedure as shares', () => {
    const spec = shnorSheet(report);
    expect(spec.columns.slice(0, 12).map((c) => c.header)).toEqual([
      'Код ОО',
      'Наименование ОО',
      'Муниципалитет',
      'Статус ШНОР',
      'Основание',
      'Кластер',
      'Кластер в прошлом году',
      'Динамика кластера',
      'Приоритетный адресат',
      'Наставник (предложение)',
      'Назначенный наставник / куратор',
      'Признаки необъективности',
    ]);
    expect(spec.columns[12].header).toBe('ВПР математика 5, 2024');
    const a2 = spec.rows.find((r) => r[0] === 'a2')!;
    expect(a2.slice(3, 9)).toEqual([
      'ШНОР',
      'ОГЭ математика: 35 % (2024) и 30 % (2025)',
      'базово неуспевающие',
      'не ШНОР',
      'вошла в список',
      'нет',
    ]);
    expect(spec.charts?.[0].kind).toBe('PIE');
  });

  it('«Динамика» gives shares of «Всего школ» per procedure with a caption naming the years', () => {
    const spec = dynamicsSheet(report);
    expect(spec.columns.slice(0, 8).map((c) => c.header)).toEqual([
      'Процедура',
      'Положительная',
      '0 % за два года',
      'Отрицательная',
      'Нейтральная',
      'Нет участников',
      'Всего школ',
      'Положительный результат',
    ]);
    const oge = spec.rows.find((r) => r[0] === 'ОГЭ математика')!;
    expect(oge.slice(0, 8)).toEqual(['ОГЭ математика', 0.5, 0.25, 0.25, 0, 0, 4, 0.75]);
    expect(spec.caption?.[0]).toContain('2024 → 2025');
    expect(spec.charts?.[0]).toMatchObject({ kind: 'BAR', stacked: true });
  });

  it('«Динамика кластеров» ends with «Всего» and counts the schools that were ШНОР the year before', () => {
    const spec = clusterDynamicsSheet(report);
    const total = spec.rows[spec.rows.length - 1];
    // Only б1 was ШНОР in 2024, and it worsened: 1 school, 100 % negative.
    expect(total[0]).toBe('Всего');
    expect(total.slice(1, 7)).toEqual([0, 0, 0, 0, 1, 1]);
  });

  it('«Муниципалитеты» and «Показатели» have their fixed headers', () => {
    expect(municipalitiesSheet(report).columns.map((c) => c.header)).toEqual([
      'Муниципалитет',
      'Школ',
      'ШНОР',
      'Доля ШНОР',
      'Неполные данные',
      'Зона риска',
      'Доля зоны риска',
      'Кадровый дефицит',
      'Доля кадрового',
      'Инфраструктурный дефицит',
      'Доля инфраструктурного',
      'Оба дефицита',
      'Доля обоих',
      'Приоритетные адресаты',
      'Признаки необъективности ВПР',
    ]);
    expect(municipalitiesSheet(report).charts?.length).toBe(2);
    expect(indicatorsSheet(report).columns.map((c) => c.header)).toEqual([
      'Направление',
      '№',
      'Показатель',
      'Целевое значение',
      'Фактическое значение',
      'Числитель',
      'Знаменатель',
      'Достигнуто',
      'Источник',
      'Как считается',
    ]);
  });
});
