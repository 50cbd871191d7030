import { describe, expect, it } from 'vitest';
import { schoolTypeLabel, schoolTypeModifiers } from '../../src/core/schoolType';
import { defaultSettings } from '../../src/core/settings';
import type { SchoolRecord } from '../../src/core/types';
import { schoolRecord } from '../fixtures/region';

const settings = defaultSettings(); // small < 100 students, multicultural > 15 %, deviance > 5 %

/** A school whose values trigger no modifier. */
const plain = (overrides: Partial<SchoolRecord>) =>
  schoolRecord({
    totalStudents: 300,
    shares: { bothParentsHigherEd: 0.2, comfortableHousing: 0.8, singleParent: 0.1, registered: 0.02, nonNativeRussian: 0.05 },
    kdnShare: 0.01,
    remoteTerritory: false,
    ...overrides,
  });

describe('schoolTypeLabel', () => {
  it('names the base by territory', () => {
    expect(schoolTypeLabel(plain({ territory: 'село' }), settings)).toBe('депривированная сельская школа');
    expect(schoolTypeLabel(plain({ territory: 'город' }), settings)).toBe('периферийная городская школа');
  });

  it('adds «малокомплектная» before «школа» for a village school of fewer than 100 students', () => {
    expect(schoolTypeLabel(plain({ territory: 'село', totalStudents: 99 }), settings)).toBe(
      'депривированная сельская малокомплектная школа',
    );
    expect(schoolTypeLabel(plain({ territory: 'село', totalStudents: 100 }), settings)).toBe('депривированная сельская школа');
    expect(schoolTypeLabel(plain({ territory: 'город', totalStudents: 50 }), settings)).toBe('периферийная городская школа');
  });

  it('adds the multicultural context above 15 % of non-native Russian speakers', () => {
    const shares = { ...plain({}).shares, nonNativeRussian: 0.16 };
    expect(schoolTypeLabel(plain({ territory: 'город', shares }), settings)).toBe(
      'периферийная городская школа со сложным поликультурным контекстом',
    );
    const atThreshold = { ...plain({}).shares, nonNativeRussian: 0.15 };
    expect(schoolTypeLabel(plain({ territory: 'город', shares: atThreshold }), settings)).toBe('периферийная городская школа');
  });

  it('adds the high deviance above 5 % on the КДН и ЗП register', () => {
    expect(schoolTypeLabel(plain({ territory: 'село', totalStudents: 80, kdnShare: 0.06 }), settings)).toBe(
      'депривированная сельская малокомплектная школа с высоким уровнем девиантности',
    );
    expect(schoolTypeLabel(plain({ territory: 'село', kdnShare: 0.05 }), settings)).toBe('депривированная сельская школа');
  });

  it('adds the remote territory when the answer is yes', () => {
    expect(schoolTypeLabel(plain({ territory: 'село', remoteTerritory: true }), settings)).toBe(
      'депривированная сельская школа в труднодоступной территории',
    );
  });

  it('joins several phrases with commas and «и»', () => {
    const school = plain({
      territory: 'село',
      totalStudents: 60,
      shares: { ...plain({}).shares, nonNativeRussian: 0.4 },
      kdnShare: 0.1,
      remoteTerritory: true,
    });
    expect(schoolTypeLabel(school, settings)).toBe(
      'депривированная сельская малокомплектная школа со сложным поликультурным контекстом, ' +
        'с высоким уровнем девиантности и в труднодоступной территории',
    );
    expect(schoolTypeModifiers(school, settings).map((m) => m.label)).toEqual([
      'малокомплектная',
      'со сложным поликультурным контекстом',
      'с высоким уровнем девиантности',
      'в труднодоступной территории',
    ]);
  });

  it('uses the thresholds from the settings', () => {
    const custom = { ...settings, smallSchoolStudents: 400 };
    expect(schoolTypeLabel(plain({ territory: 'село' }), custom)).toBe('депривированная сельская малокомплектная школа');
  });

  it('adds no modifier for an unknown value', () => {
    const unknown = schoolRecord({ territory: 'село' });
    expect(schoolTypeLabel(unknown, settings)).toBe('депривированная сельская школа');
  });

  it('has no type when the territory is unknown', () => {
    expect(schoolTypeLabel(plain({ territory: null }), settings)).toBeNull();
  });
});
