// Sheets reports colours as lower-case '#rrggbb'; CSS names and '#rgb' are normalised the same way.

const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  cyan: '#00ffff',
  aqua: '#00ffff',
  magenta: '#ff00ff',
  fuchsia: '#ff00ff',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  maroon: '#800000',
  olive: '#808000',
  purple: '#800080',
  teal: '#008080',
  navy: '#000080',
  orange: '#ffa500',
  pink: '#ffc0cb',
  brown: '#a52a2a',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
  darkgray: '#a9a9a9',
  darkgrey: '#a9a9a9',
  lightgreen: '#90ee90',
  lightblue: '#add8e6',
  lightyellow: '#ffffe0',
  gold: '#ffd700',
  salmon: '#fa8072',
  coral: '#ff7f50',
  tomato: '#ff6347',
  khaki: '#f0e68c',
  beige: '#f5f5dc',
};

/** '#RGB', '#RRGGBB' or a CSS name as '#rrggbb'; undefined for null/'' (back to the default). */
export function normalizeColor(color: unknown): string | undefined {
  if (color === null || color === undefined || color === '') return undefined;
  const text = String(color).trim().toLowerCase();
  if (NAMED[text]) return NAMED[text];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return text;
}
