/**
 * Where the source text is cut into chunks that the browser lays out only when they scroll into
 * view (`content-visibility: auto`). A cut falls at the start of a measure or a domain heading
 * when one comes within twice the target size, else at a line start, else anywhere but inside a
 * surrogate pair: a highlight cut by a chunk continues in the next one, so a cut is always safe,
 * only less tidy.
 */
export function chunkBounds(text: string, preferred: readonly number[], target: number): number[] {
  const bounds = [0];
  const cuts = [...new Set(preferred)].filter((offset) => offset > 0 && offset < text.length).sort((a, b) => a - b);
  let next = 0;
  let start = 0;
  while (text.length - start > target) {
    const earliest = start + target;
    const latest = start + 2 * target;
    while (next < cuts.length && (cuts[next] as number) < earliest) next++;
    let cut = next < cuts.length && (cuts[next] as number) <= latest ? (cuts[next] as number) : -1;
    if (cut < 0) {
      const newline = text.indexOf('\n', earliest);
      cut = newline >= 0 && newline < latest ? newline + 1 : latest;
    }
    if (cut >= text.length) break;
    if (isLowSurrogate(text.charCodeAt(cut))) cut++;
    bounds.push(cut);
    start = cut;
  }
  bounds.push(text.length);
  return bounds;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * How many rows of about `columns` characters the text of `[from, to)` wraps into: the height a
 * chunk reserves before it is laid out, so that the scroll bar is right from the start.
 */
export function estimateRows(text: string, from: number, to: number, columns: number): number {
  let rows = 0;
  let lineStart = from;
  while (lineStart < to) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline >= to ? to : newline;
    rows += Math.max(1, Math.ceil((lineEnd - lineStart) / columns));
    lineStart = lineEnd + 1;
  }
  return rows;
}
