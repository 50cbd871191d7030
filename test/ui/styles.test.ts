import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The declarations of one rule of the sidebar's stylesheet. */
function rule(css: string, selector: string): string {
  const start = css.indexOf(`\n${selector} {`);
  expect(start, `rule ${selector}`).toBeGreaterThanOrEqual(0);
  return css.slice(start, css.indexOf('}', start));
}

describe('the sidebar stylesheet', () => {
  const css = readFileSync('src/ui/sidebar/styles.css', 'utf8');

  it.each(['button.action', 'button.action:hover'])(
    '%s keeps its white 12px words at a 4.5:1 contrast on every shade of its background',
    (selector) => {
      const background = /background:([^;]+);/.exec(rule(css, selector))?.[1] ?? '';
      const shades = background.match(/#[0-9a-f]{6}/gi) ?? [];
      expect(shades.length).toBeGreaterThan(0);
      for (const shade of shades) expect(contrast('#ffffff', shade), shade).toBeGreaterThanOrEqual(4.5);
    },
  );
});
