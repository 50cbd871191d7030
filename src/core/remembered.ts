/**
 * A function of a text that remembers its results: a region's sheets spell a few dozen names and answers tens of
 * thousands of times. At most `limit` texts are kept (free text could be any number of them); a result that throws is
 * not kept, so a bad text is reported each time it is met.
 */
export function remembered<T>(compute: (text: string) => T, limit = 10_000): (text: string) => T {
  const results = new Map<string, T>();
  return (text) => {
    if (results.has(text)) return results.get(text) as T;
    const result = compute(text);
    if (results.size < limit) results.set(text, result);
    return result;
  };
}
