import { describe, expect, it } from 'vitest';
import { normalizeSpecialists, resourceDeficits, SPECIALISTS, unknownSpecialists } from '../../src/core/deficits';
import { defaultSettings } from '../../src/core/settings';
import type { SchoolRecord } from '../../src/core/types';
import { school, schoolRecord } from '../fixtures/region';

const settings = defaultSettings(); // k = 2

/** A school with no deficit: 8 of 20 teachers of the highest category, a psychologist, Internet, computers, 60 000 руб. */
const wellEquipped = (i: number) =>
  schoolRecord({
    schoolCode: `edu${i}`,
    teachersTotal: 20,
    teachersHighestCategory: 8,
    specialists: ['педагог-психолог'],
    stableInternet: true,
    enoughComputers: true,
    fundingPerStudent: 60000,
  });

/** Nine well-equipped schools and one poor one. */
function tenSchools(): SchoolRecord[] {
  const poor = schoolRecord({
    schoolCode: 'edu10',
    teachersTotal: 20,
    teachersHighestCategory: 0,
    specialists: ['учитель-логопед'],
    stableInternet: false,
    enoughComputers: false,
    fundingPerStudent: 30000,
  });
  return [...Array.from({ length: 9 }, (_, i) => wellEquipped(i + 1)), poor];
}

describe('resourceDeficits', () => {
  it('flags every deficit of a school far below the others, with its reasons', () => {
    // Highest-category shares: nine 0.4 and one 0: mean 3.6/10 = 0.36; squared deviations 9·0.04² + 0.36² = 0.0144 + 0.1296
    // = 0.144; /10 = 0.0144; SD 0.12; the poor school is (0 − 0.36)/0.12 = −3 SD below, more than 2.
    // Funding: nine 60 000 and one 30 000: mean 570 000/10 = 57 000; squared deviations 9·3000² + 27 000² = 81e6 + 729e6
    // = 810e6; /10 = 81e6; SD 9000; (30 000 − 57 000)/9000 = −3 SD.
    const result = resourceDeficits(tenSchools(), settings);
    expect(result[9]).toEqual({
      staffing: true,
      infrastructure: true,
      financial: true,
      missingSpecialists: ['педагог-психолог', 'учитель-дефектолог', 'социальный педагог'],
      reasons: [
        'доля педагогов высшей категории 0 % при среднем 36 % — на 3,0 стандартного отклонения ниже среднего',
        'нет ни одного из необходимых специалистов: педагог-психолог, учитель-дефектолог, социальный педагог',
        'нет устойчивого доступа в Интернет',
        'недостаточно компьютерной техники',
        'финансирование на одного обучающегося 30 000 руб. при среднем 57 000 руб. — на 3,0 стандартного отклонения ниже среднего',
      ],
    });
    // the others are (0.4 − 0.36)/0.12 = +0.33 SD and +3000/9000 = +0.33 SD: no deficit
    // (they have a psychologist: the defectologist and social pedagogue are missing, which is no deficit under «нет ни одного»)
    for (const r of result.slice(0, 9)) {
      expect(r).toEqual({
        staffing: false,
        infrastructure: false,
        financial: false,
        missingSpecialists: ['учитель-дефектолог', 'социальный педагог'],
        reasons: [],
      });
    }
  });

  it('takes k from the settings and needs strictly more than k SDs', () => {
    // the poor school's funding is exactly 3 SDs below (27 000 = 3·9000): not more than 3, but more than 2.9
    expect(resourceDeficits(tenSchools(), { ...settings, deficitSdK: 3 })[9].financial).toBe(false);
    expect(resourceDeficits(tenSchools(), { ...settings, deficitSdK: 2.9 })[9].financial).toBe(true);
  });

  it('does not count a share exactly k SDs below the mean as more than k, despite binary noise', () => {
    // Five schools of 60 teachers: four with 5 of the highest category (1/12), one with 2 (1/30).
    // Mean (4·5 + 2)/300 = 22/300; deviations: one school −3/60·4/5 = −0,04, four +0,01;
    // SD = √((0,0016 + 4·0,0001)/5) = √0,0004 = 0,02; the school is 0,04 = exactly 2·0,02 below: not more than 2.
    const five = [5, 5, 5, 5, 2].map((highest, i) =>
      schoolRecord({ schoolCode: `edu${i + 1}`, teachersTotal: 60, teachersHighestCategory: highest, specialists: ['педагог-психолог'] }),
    );
    const result = resourceDeficits(five, settings);
    expect(result[4].staffing).toBe(false);
    expect(result[4].reasons).toEqual([]);
    // one school apart from four equal ones is always √4 = 2 SDs away: with 1 of 60 (mean 0,07, deviation −0,0533…,
    // SD 0,0266…) it is still exactly 2 SDs below, still not a deficit
    const fewer = five.map((s, i) => (i === 4 ? { ...s, teachersHighestCategory: 1 } : s));
    expect(resourceDeficits(fewer, settings)[4].staffing).toBe(false);
    // with k = 1,9 both are more than k SDs below
    expect(resourceDeficits(five, { ...settings, deficitSdK: 1.9 })[4].staffing).toBe(true);
  });

  it('sees a staffing deficit from missing specialists alone, a speech therapist not being enough', () => {
    const schools = tenSchools().slice(0, 9);
    schools[0] = { ...schools[0], specialists: ['учитель-логопед'] };
    schools[1] = { ...schools[1], specialists: [] };
    schools[2] = { ...schools[2], specialists: ['социальный педагог'] };
    schools[3] = { ...schools[3], specialists: ['учитель-дефектолог'] };
    const result = resourceDeficits(schools, settings);
    expect(result.slice(0, 4).map((r) => r.staffing)).toEqual([true, true, false, false]);
    expect(result[0].reasons).toEqual([
      'нет ни одного из необходимых специалистов: педагог-психолог, учитель-дефектолог, социальный педагог',
    ]);
  });

  it('with «нет хотя бы одного» one missing specialist is a deficit, and the reason names the missing ones', () => {
    const schools = tenSchools().slice(0, 3);
    schools[0] = { ...schools[0], specialists: ['педагог-психолог', 'учитель-дефектолог', 'социальный педагог'] };
    schools[1] = { ...schools[1], specialists: ['педагог-психолог', 'социальный педагог'] };
    schools[2] = { ...schools[2], specialists: ['учитель-логопед'] };
    const anyMissing = { ...settings, staffingSpecialistsRule: 'anyMissing' as const };
    const result = resourceDeficits(schools, anyMissing);
    expect(result.map((r) => r.staffing)).toEqual([false, true, true]);
    expect(result[1].missingSpecialists).toEqual(['учитель-дефектолог']);
    expect(result[1].reasons).toEqual(['нет необходимых специалистов: учитель-дефектолог']);
    // the default rule sees no deficit in the second school (it has two of the three)
    expect(resourceDeficits(schools, settings).map((r) => r.staffing)).toEqual([false, false, true]);
  });

  it('takes the list of necessary specialists from the settings (a region may add the speech therapist)', () => {
    const schools = tenSchools().slice(0, 2);
    schools[0] = { ...schools[0], specialists: ['педагог-психолог', 'учитель-дефектолог', 'социальный педагог'] };
    schools[1] = { ...schools[1], specialists: ['Логопед'] };
    const withSpeech = {
      ...settings,
      staffingSpecialistsRule: 'anyMissing' as const,
      staffingSpecialists: [...settings.staffingSpecialists, 'логопед'],
    };
    const result = resourceDeficits(schools, withSpeech);
    // «логопед» in the settings is read as учитель-логопед, like the form's answers
    expect(result[0].missingSpecialists).toEqual(['учитель-логопед']);
    expect(result[0].staffing).toBe(true);
    // under «нет ни одного» a school with only a speech therapist now has one of the four: no deficit
    expect(resourceDeficits(schools, { ...withSpeech, staffingSpecialistsRule: 'noneOfThem' })[1].staffing).toBe(false);
  });

  it('sees an infrastructure deficit from either missing Internet or missing computers', () => {
    const base = wellEquipped(1);
    const result = resourceDeficits([{ ...base, stableInternet: false }, { ...base, enoughComputers: false }, base], settings);
    expect(result.map((r) => r.infrastructure)).toEqual([true, true, false]);
    expect(result[0].reasons).toEqual(['нет устойчивого доступа в Интернет']);
    expect(result[1].reasons).toEqual(['недостаточно компьютерной техники']);
  });

  it('says «unknown» rather than «no deficit» when an answer is missing', () => {
    const base = wellEquipped(1);
    const result = resourceDeficits(
      [
        // teachers fine, specialists not answered → staffing unknown; Internet yes, computers not answered → unknown
        { ...base, specialists: null, enoughComputers: null, fundingPerStudent: null },
        // a known true condition decides even if the other is unknown
        { ...base, teachersTotal: null, specialists: [], stableInternet: false, enoughComputers: null },
      ],
      settings,
    );
    expect(result[0]).toEqual({ staffing: null, infrastructure: null, financial: null, missingSpecialists: null, reasons: [] });
    expect(result[1].staffing).toBe(true);
    expect(result[1].infrastructure).toBe(true);
  });

  it('flags nobody when all schools are alike', () => {
    const result = resourceDeficits([wellEquipped(1), wellEquipped(2)], settings);
    expect(result.map((r) => [r.staffing, r.financial])).toEqual([
      [false, false],
      [false, false],
    ]);
  });

  it('reads specialist names written in another case', () => {
    const result = resourceDeficits([{ ...wellEquipped(1), specialists: ['Социальный  Педагог'] }], settings);
    expect(result[0].staffing).toBe(false);
  });
});

describe('normalizeSpecialists', () => {
  it('turns the checkbox answer into canonical names, keeping unknown items', () => {
    expect(normalizeSpecialists('Педагог-психолог, Учитель - логопед,  социальный  педагог, Тьютор')).toEqual([
      'педагог-психолог',
      'учитель-логопед',
      'социальный педагог',
      'тьютор',
    ]);
  });

  it('understands short forms and drops duplicates', () => {
    expect(normalizeSpecialists('Психолог, дефектолог, педагог-психолог')).toEqual(['педагог-психолог', 'учитель-дефектолог']);
  });

  it('reads answers typed without hyphens, with notes, or as a list', () => {
    expect(normalizeSpecialists('Педагог психолог')).toEqual(['педагог-психолог']);
    expect(normalizeSpecialists('социальный педагог (0,5 ставки)')).toEqual(['социальный педагог']);
    expect(normalizeSpecialists('психолог, логопед, соц. педагог')).toEqual(['педагог-психолог', 'учитель-логопед', 'социальный педагог']);
    expect(normalizeSpecialists('педагог-психолог и учитель логопед')).toEqual(['педагог-психолог', 'учитель-логопед']);
    expect(normalizeSpecialists('Нет ни одного из перечисленных')).toEqual([]);
  });

  it('names the items that are none of the four specialists', () => {
    expect(unknownSpecialists(normalizeSpecialists('тьютор; психолог, Воспитатель'))).toEqual(['тьютор', 'воспитатель']);
  });

  it('gives an empty list for an empty answer', () => {
    expect(normalizeSpecialists('')).toEqual([]);
    expect(normalizeSpecialists(' , ')).toEqual([]);
  });

  it('lists the four specialists of the form', () => {
    expect(SPECIALISTS).toEqual(['педагог-психолог', 'учитель-дефектолог', 'учитель-логопед', 'социальный педагог']);
  });
});

describe('the form’s «none of these» answer', () => {
  it('flags a staffing deficit for a school that says it has none of the specialists', () => {
    const s = school('x', 'м', [0.2, 0.8, 0.2, 0.04, 0.1], { specialists: normalizeSpecialists('Нет ни одного из перечисленных') });
    expect(resourceDeficits([s], defaultSettings())[0].staffing).toBe(true);
  });
});
