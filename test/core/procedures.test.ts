import { describe, expect, it } from 'vitest';
import {
  CANONICAL_PROCEDURES,
  compareProcedures,
  isKnownProcedure,
  normalizeProcedureName,
  procedureCountsForStatus,
} from '../../src/core/procedures';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

describe('CANONICAL_PROCEDURES', () => {
  it('lists the nine procedures of docs/методика.md §1.2 in their order', () => {
    expect(CANONICAL_PROCEDURES).toEqual([
      'ВПР математика 5',
      'ВПР математика 6',
      'ВПР русский язык 5',
      'ВПР русский язык 6',
      'ОГЭ математика',
      'ОГЭ русский язык',
      'ЕГЭ математика (базовая)',
      'ЕГЭ математика (профильная)',
      'ЕГЭ русский язык',
    ]);
  });

  it('keeps every canonical name unchanged by normalisation', () => {
    for (const name of CANONICAL_PROCEDURES) expect(normalizeProcedureName(name)).toBe(name);
  });
});

describe('normalizeProcedureName', () => {
  it('collapses case and spacing', () => {
    expect(normalizeProcedureName('огэ  Математика')).toBe('ОГЭ математика');
    expect(normalizeProcedureName('  ВПР\u00a0Русский   язык 5 ')).toBe('ВПР русский язык 5');
  });

  it('writes the ЕГЭ mathematics level in parentheses whatever the spelling', () => {
    expect(normalizeProcedureName('ЕГЭ математика ( профильная )')).toBe('ЕГЭ математика (профильная)');
    expect(normalizeProcedureName('егэ математика профильный уровень')).toBe('ЕГЭ математика (профильная)');
    expect(normalizeProcedureName('ЕГЭ Математика(база)')).toBe('ЕГЭ математика (базовая)');
    expect(normalizeProcedureName('ЕГЭ математика (базовый уровень)')).toBe('ЕГЭ математика (базовая)');
  });

  it('expands the usual abbreviations of the subjects and drops «класс»', () => {
    expect(normalizeProcedureName('ВПР рус. яз. 5')).toBe('ВПР русский язык 5');
    expect(normalizeProcedureName('ВПР рус.яз. 6 класс')).toBe('ВПР русский язык 6');
    expect(normalizeProcedureName('ОГЭ русский')).toBe('ОГЭ русский язык');
    expect(normalizeProcedureName('ВПР мат. 5кл')).toBe('ВПР математика 5');
  });

  it('recognises the nine whatever the word order and extras', () => {
    expect(normalizeProcedureName('ОГЭ (математика)')).toBe('ОГЭ математика');
    expect(normalizeProcedureName('Математика ОГЭ')).toBe('ОГЭ математика');
    expect(normalizeProcedureName('ОГЭ по математике')).toBe('ОГЭ математика');
    expect(normalizeProcedureName('ОГЭ по русскому языку')).toBe('ОГЭ русский язык');
    expect(normalizeProcedureName('ВПР 5 кл. русский язык')).toBe('ВПР русский язык 5');
    expect(normalizeProcedureName('ВПР-5 Математика')).toBe('ВПР математика 5');
    expect(normalizeProcedureName('ВПР 6 класс математика')).toBe('ВПР математика 6');
    expect(normalizeProcedureName('ЕГЭ профильная математика')).toBe('ЕГЭ математика (профильная)');
    expect(normalizeProcedureName('ЕГЭ математика П')).toBe('ЕГЭ математика (профильная)');
    expect(normalizeProcedureName('ЕГЭ математика Б')).toBe('ЕГЭ математика (базовая)');
    expect(normalizeProcedureName('ЕГЭ русский язык 11 класс')).toBe('ЕГЭ русский язык');
    expect(normalizeProcedureName('ОГЭ математика 9 кл.')).toBe('ОГЭ математика');
  });

  it('does not take «П/Б» (both ЕГЭ levels in one figure) for one of the nine', () => {
    expect(normalizeProcedureName('ЕГЭ математика П/Б')).toBe('ЕГЭ математика (базовая и профильная)');
    expect(isKnownProcedure('ЕГЭ математика П/Б')).toBe(false);
  });

  it('reads «ё» as «е»', () => {
    expect(normalizeProcedureName('ВПР Окружающий мир 4 (учёт)')).toBe('ВПР окружающий мир 4 (учет)');
  });

  it('keeps an unknown procedure with its exam upper-case', () => {
    expect(normalizeProcedureName('впр История  5')).toBe('ВПР история 5');
    expect(normalizeProcedureName('Олимпиада Математика')).toBe('олимпиада математика');
  });
});

describe('isKnownProcedure', () => {
  it('recognises the canonical procedures in any spelling and nothing else', () => {
    expect(isKnownProcedure('огэ  Математика')).toBe(true);
    expect(isKnownProcedure('ЕГЭ математика профиль')).toBe(true);
    expect(isKnownProcedure('ВПР математика 8')).toBe(false);
    expect(isKnownProcedure('ЕГЭ математика')).toBe(false);
  });
});

describe('procedureCountsForStatus', () => {
  const subjects = DEFAULT_SETTINGS.shnorSubjects;

  it('counts the procedures in mathematics and Russian', () => {
    expect(procedureCountsForStatus('ЕГЭ математика (профильная)', subjects)).toBe(true);
    expect(procedureCountsForStatus('ВПР русский язык 5', subjects)).toBe(true);
    expect(procedureCountsForStatus('ВПР математика 8', subjects)).toBe(true);
    expect(procedureCountsForStatus('огэ рус. яз.', subjects)).toBe(true);
  });

  it('does not count other subjects', () => {
    expect(procedureCountsForStatus('ВПР история 5', subjects)).toBe(false);
    expect(procedureCountsForStatus('ВПР окружающий мир 4', subjects)).toBe(false);
  });

  it('matches a subject only as whole words in a row', () => {
    expect(procedureCountsForStatus('ВПР русский язык 5', ['язык русский'])).toBe(false);
    expect(procedureCountsForStatus('ВПР английский язык 7', ['язык'])).toBe(true);
    expect(procedureCountsForStatus('ВПР физика 7', ['история'])).toBe(false);
  });
});

describe('compareProcedures', () => {
  it('puts the canonical procedures first in their order, then the others alphabetically', () => {
    const names = ['ВПР история 5', 'ЕГЭ русский язык', 'ВПР биология 5', 'ВПР математика 5'];
    expect([...names].sort(compareProcedures)).toEqual(['ВПР математика 5', 'ЕГЭ русский язык', 'ВПР биология 5', 'ВПР история 5']);
  });
});
