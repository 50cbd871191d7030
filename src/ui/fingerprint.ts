/**
 * A short fingerprint of plain data (JSON-shaped: objects, arrays, strings, numbers, booleans, null,
 * Dates): two FNV-1a 32-bit hashes of the canonical JSON text with different offsets, as 16 hex
 * digits. Equal data give equal fingerprints; a changed value changes it with near certainty. Used to
 * tell whether the inputs a step-by-step run read have changed between its steps, so that one report
 * is never assembled from two states of the data.
 */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  // One look-up of Math.imul, not one per character: in a vm context (the twin, the local runner) every global
  // look-up goes through the context, which made this loop most of a roadmap step's time at 3 000 schools.
  const imul = Math.imul;
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = imul(a ^ c, 0x01000193);
    b = imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
