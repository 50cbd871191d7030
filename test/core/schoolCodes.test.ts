import { describe, expect, it } from 'vitest';
import { cleanCode, codeHints, codeKey, nearMatch } from '../../src/core/schoolCodes';

describe('codeKey', () => {
  it('makes codes that differ only by invisible characters, spaces or case one key', () => {
    const key = codeKey('edu760036');
    expect(codeKey('EDU760036')).toBe(key);
    expect(codeKey('edu 760036')).toBe(key);
    expect(codeKey('\u200Bedu760036\uFEFF')).toBe(key);
    expect(codeKey('edu\u00A0760036')).toBe(key);
    expect(codeKey('edu-760036')).not.toBe(key);
  });

  it('cleanCode drops invisible characters and outer spaces only', () => {
    expect(cleanCode(' \u200Bedu760036 ')).toBe('edu760036');
    expect(cleanCode('edu 760036')).toBe('edu 760036');
  });
});

describe('nearMatch', () => {
  const hints = codeHints(['edu760036', 'edu760007', 'edu760008', 'edu770001', 'sch770001']);
  it('names the known code an unknown one probably means', () => {
    expect(nearMatch('EDU-760007', hints)).toBe('edu760007');
    expect(nearMatch('760008', hints)).toBe('edu760008');
    expect(nearMatch('edu_760036', hints)).toBe('edu760036');
  });
  it('gives no hint when there is none or it is not unique', () => {
    expect(nearMatch('edu999999', hints)).toBeNull();
    // 770001 is the digits of two known codes.
    expect(nearMatch('770001', hints)).toBeNull();
    expect(nearMatch('7600', hints)).toBeNull();
  });
});
