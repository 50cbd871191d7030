import { describe, expect, it } from 'vitest';
import { suggestMentors, type MentorCandidateInput } from '../../src/core/mentors';

const school = (
  schoolCode: string,
  municipality: string,
  isbsh: number | null,
  meanShare: number | null,
  flags: { shnor?: boolean; resilient?: boolean } = {},
): MentorCandidateInput => ({
  schoolCode,
  name: `Школа ${schoolCode}`,
  municipality,
  isbsh,
  meanShare,
  isShnor: flags.shnor ?? false,
  resilient: flags.resilient ?? false,
  // the same result in the previous year, so «every year of the data» means the same as Y in these cases
  previousYears: [{ meanShare, isShnor: flags.shnor ?? false }],
});

describe('suggestMentors', () => {
  /*
   * Ростов, mean shares of its 8 schools sorted: 0.05 H1, 0.15 R1, 0.25, 0.28, 0.35, 0.40, 0.45, 0.50;
   * the best quarter is ⌈0.25·8⌉ = 2 schools, cut-off 0.15: H1 and R1 are high-result (R1 is resilient too).
   * Mentees neediest first: S1 (78), S2 (80), S3 (83), S4 (no ИСБШ).
   * S1: |79 − 78| = 1 to H1, |81 − 78| = 3 to R1 → H1. S2: R1 is left. S3 and S4: none left.
   */
  const rostov = [
    school('S3', 'Ростов', 83, 0.35, { shnor: true }),
    school('S1', 'Ростов', 78, 0.45, { shnor: true }),
    school('S4', 'Ростов', null, 0.5, { shnor: true }),
    school('S2', 'Ростов', 80, 0.4, { shnor: true }),
    school('R1', 'Ростов', 81, 0.15, { resilient: true }),
    school('H1', 'Ростов', 79, 0.05),
    school('N1', 'Ростов', 80, 0.25),
    school('N2', 'Ростов', 80, 0.28),
  ];
  /*
   * Углич, mean shares 0.1 B, 0.2 A, 0.3 C, 0.5 U1: the best quarter is ⌈0.25·4⌉ = 1 school, cut-off 0.1 → B.
   * U1 (80) is 2 from A (82, resilient) and 2 from B (78, high-result): the tie goes to the resilient school.
   */
  const uglich = [
    school('U1', 'Углич', 80, 0.5, { shnor: true }),
    school('A', 'Углич', 82, 0.2, { resilient: true }),
    school('B', 'Углич', 78, 0.1),
    school('C', 'Углич', 80, 0.3),
  ];
  const pairs = suggestMentors([...rostov, ...uglich]);

  it('pairs the neediest ШНОР first with the most similar ИСБШ, one mentee per mentor', () => {
    expect(pairs.get('S1')).toEqual({ mentorCode: 'H1', mentorName: 'Школа H1', basis: 'высокие результаты' });
    expect(pairs.get('S2')).toEqual({ mentorCode: 'R1', mentorName: 'Школа R1', basis: 'резильентная' });
  });

  it('leaves the remaining ШНОР without a mentor when mentors run out, never borrowing from another municipality', () => {
    expect(pairs.get('S3')).toBeNull();
    expect(pairs.get('S4')).toBeNull();
  });

  it('prefers a resilient school when two are equally similar', () => {
    expect(pairs.get('U1')).toEqual({ mentorCode: 'A', mentorName: 'Школа A', basis: 'резильентная' });
  });

  it('lists every ШНОР and no other school', () => {
    expect([...pairs.keys()].sort()).toEqual(['S1', 'S2', 'S3', 'S4', 'U1']);
  });

  it('includes schools tied with the cut-off and breaks remaining ties by code', () => {
    // mean shares 0.1 P, 0.1 Q, 0.45, 0.5: the cut-off 0.1 takes both P and Q; M1 (80) is 10 from each → P; M2 gets Q
    const p = suggestMentors([
      school('M1', 'Ельня', 80, 0.5, { shnor: true }),
      school('M2', 'Ельня', 81, 0.45, { shnor: true }),
      school('Q', 'Ельня', 70, 0.1),
      school('P', 'Ельня', 90, 0.1),
    ]);
    expect(p.get('M1')?.mentorCode).toBe('P');
    expect(p.get('M2')?.mentorCode).toBe('Q');
  });

  it('counts a mean share equal to the cut-off as tied even when its binary value is a hair above', () => {
    // mean shares: T 15 % from 3/20 and 3/20, V 15 % from 1/10 and 2/10 (0.15000000000000002 in binary), 0.5, 0.6;
    // the best quarter ⌈0,25·4⌉ = 1 school, cut-off 15 %: T and V are both «высокие результаты»; W1 (80) takes T (81), W2 gets V
    const p = suggestMentors([
      school('W1', 'Кимры', 80, 0.5, { shnor: true }),
      school('W2', 'Кимры', 80, 0.6, { shnor: true }),
      school('T', 'Кимры', 81, (3 / 20 + 3 / 20) / 2),
      school('V', 'Кимры', 85, (1 / 10 + 2 / 10) / 2),
    ]);
    expect(p.get('W1')?.mentorCode).toBe('T');
    expect(p.get('W2')).toEqual({ mentorCode: 'V', mentorName: 'Школа V', basis: 'высокие результаты' });
  });

  it('takes the high-result share as a parameter', () => {
    // with the best half (⌈0.5·4⌉ = 2, cut-off 0.2), A is high-result too; without the resilient flag it is still a mentor
    const p = suggestMentors(
      [
        school('U1', 'Углич', 80, 0.5, { shnor: true }),
        school('A', 'Углич', 81, 0.2),
        school('B', 'Углич', 70, 0.1),
        school('C', 'Углич', 80, 0.3),
      ],
      0.5,
    );
    expect(p.get('U1')).toEqual({ mentorCode: 'A', mentorName: 'Школа A', basis: 'высокие результаты' });
  });
});

describe('«высокие результаты» means high results in every year of the data', () => {
  /*
   * One municipality of five schools, three years 2022–2024 (mean failing shares), all ranked each year; the best
   * ⌈0,25·5⌉ = 2 places are «высокие результаты» that year:
   *   M, M2 (ШНОР): 0.5 every year
   *   H  0.05, 0.05, 0.05
   *   D  0.40, 0.06, 0.06
   *   X  0.10, 0.30, 0.30
   * 2022: H 0.05, X 0.10 | D 0.40 … → cut-off 0.10 (H, X); 2023 and 2024: H 0.05, D 0.06 | X 0.30 … → cut-off 0.06 (H, D).
   * H is high-result in all three years; D misses 2022 (high in Y only with 2023), X misses 2023 and 2024.
   */
  const base = (code: string, shares: [number, number, number], shnor = false): MentorCandidateInput => ({
    schoolCode: code,
    name: code,
    municipality: 'М',
    isbsh: 80,
    meanShare: shares[2],
    isShnor: shnor,
    resilient: false,
    previousYears: [
      { meanShare: shares[0], isShnor: shnor },
      { meanShare: shares[1], isShnor: shnor },
    ],
  });
  const M = base('M', [0.5, 0.5, 0.5], true);
  const M2 = { ...base('M2', [0.5, 0.5, 0.5], true), isbsh: 79 };
  const H = base('H', [0.05, 0.05, 0.05]);
  const D = base('D', [0.4, 0.06, 0.06]);
  const X = base('X', [0.1, 0.3, 0.3]);

  it('a school high-result in Y only is not a mentor', () => {
    const pairs = suggestMentors([M, M2, H, D, X], 0.25);
    // M2 (ИСБШ 79) is served first and takes H; M is left without: D is not high-result in 2022, X not in 2023–2024
    expect(pairs.get('M2')).toEqual({ mentorCode: 'H', mentorName: 'H', basis: 'высокие результаты' });
    expect(pairs.get('M')).toBeNull();
  });

  it('a school that was ШНОР in an earlier year is not a mentor, however good now', () => {
    // three schools: ⌈0,25·3⌉ = 1 place a year; H is the best every year but was ШНОР in 2022; X is best only in 2022
    const wasShnor: MentorCandidateInput = {
      ...H,
      previousYears: [
        { meanShare: 0.05, isShnor: true },
        { meanShare: 0.05, isShnor: false },
      ],
    };
    expect(suggestMentors([M, wasShnor, X], 0.25).get('M')).toBeNull();
    expect(suggestMentors([M, H, X], 0.25).get('M')).toEqual({ mentorCode: 'H', mentorName: 'H', basis: 'высокие результаты' });
  });

  it('one year of data is not enough for «устойчиво»', () => {
    const onlyY = { ...H, previousYears: [] };
    expect(suggestMentors([{ ...M, previousYears: [] }, onlyY], 0.25).get('M')).toBeNull();
  });

  it('a year without the school’s results breaks the run', () => {
    const gap: MentorCandidateInput = {
      ...H,
      previousYears: [
        { meanShare: null, isShnor: false },
        { meanShare: 0.05, isShnor: false },
      ],
    };
    // 2022: only M 0.5 and X 0.1 have a share, so X is the best that year; from 2023 H is: nobody is high all three years
    expect(suggestMentors([M, gap, X], 0.25).get('M')).toBeNull();
  });
});
