/** The sheet's letter of a 0-based column index (0 → A, 25 → Z, 26 → AA), as in A1 notation. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
