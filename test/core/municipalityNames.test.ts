import { describe, expect, it } from 'vitest';
import { mergeMunicipalityNames } from '../../src/core/municipalityNames';

describe('mergeMunicipalityNames', () => {
  it('merges case, spaces, ё/е and «МО»/«МР»/«муниц.» variants into the most frequent spelling', () => {
    const names = ['Первомайский район', 'Первомайский район', 'первомайский  МР', 'Первомайский муниц. район', 'Тёплый МО', 'Теплый'];
    const m = mergeMunicipalityNames(names);
    expect(m.nameOf.get('первомайский  МР')).toBe('Первомайский район');
    expect(m.nameOf.get('Первомайский муниц. район')).toBe('Первомайский район');
    expect(m.nameOf.get('Теплый')).toBe('Тёплый МО');
    expect(m.merged).toContainEqual({ name: 'Первомайский район', variants: ['первомайский  МР', 'Первомайский муниц. район'] });
    expect(m.nearDuplicates).toEqual([]);
  });

  it('names near-duplicates it cannot merge safely: «район» against «округ», a letter or two apart', () => {
    const m = mergeMunicipalityNames([
      'Ленинск-Кузнецкий район',
      'Ленинск-Кузнецкий муниципальный округ',
      'Заречинский МР',
      'Зареченский МР',
    ]);
    expect(m.nameOf.get('Ленинск-Кузнецкий район')).toBe('Ленинск-Кузнецкий район');
    expect(m.nameOf.get('Ленинск-Кузнецкий муниципальный округ')).toBe('Ленинск-Кузнецкий муниципальный округ');
    expect(m.nearDuplicates).toContainEqual(['Ленинск-Кузнецкий район', 'Ленинск-Кузнецкий муниципальный округ']);
    expect(m.nearDuplicates).toContainEqual(['Заречинский МР', 'Зареченский МР']);
    expect(m.merged).toEqual([]);
  });

  it('does not take numbered districts for typos of each other', () => {
    expect(mergeMunicipalityNames(['г. Каменск № 2', 'г. Каменск № 3', 'Округ 12', 'Округ 13']).nearDuplicates).toEqual([]);
  });

  it('keeps a city district apart from the municipal district of the same name', () => {
    const m = mergeMunicipalityNames(['Ленинск-Кузнецкий городской округ', 'Ленинск-Кузнецкий МО']);
    expect(m.nameOf.get('Ленинск-Кузнецкий МО')).toBe('Ленинск-Кузнецкий МО');
    expect(m.merged).toEqual([]);
  });

  it('lists near-duplicates in the order of the names, however their lengths compare', () => {
    // «Каменскй» (8 letters) is one letter from «Каменский» (9), «Каменскийрн» (11) two; «Каменскй» and «Каменскийрн» are
    // three apart. Compared by length the pair with the shortest comes first; listed by the names' order it does not.
    const m = mergeMunicipalityNames(['Каменский', 'Каменскийрн', 'Каменскй', 'Сосновский']);
    expect(m.nearDuplicates).toEqual([
      ['Каменский', 'Каменскийрн'],
      ['Каменский', 'Каменскй'],
    ]);
  });
});
