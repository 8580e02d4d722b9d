/** One run of a diff: unchanged, added in the newer text, or removed from the older one. */
export interface DiffOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** Above this many LCS cells a word diff would be slow; the diff falls back to lines. */
const MAX_CELLS = 4_000_000;

/** Words and the whitespace between them, so joining the tokens gives the text back. */
function wordTokens(text: string): string[] {
  return text.split(/(\s+)/).filter((t) => t !== '');
}

function lineTokens(text: string): string[] {
  return text.split(/(?<=\n)/).filter((t) => t !== '');
}

/** Longest-common-subsequence diff of two token lists, merged into runs. */
function diffTokens(a: readonly string[], b: readonly string[]): DiffOp[] {
  // Common prefix and suffix cost nothing and shrink the table.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: DiffOp[] = [];
  const push = (op: DiffOp['op'], text: string) => {
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += text;
    else ops.push({ op, text });
  };
  for (let i = 0; i < start; i++) push('equal', a[i]);
  const n = endA - start;
  const m = endB - start;
  // lengths[i][j] = LCS of a[start+i..endA) and b[start+j..endB), flattened.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[start + i] === b[start + j]
          ? lengths[(i + 1) * width + j + 1] + 1
          : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[start + i] === b[start + j]) {
      push('equal', a[start + i]);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      push('delete', a[start + i]);
      i++;
    } else {
      push('insert', b[start + j]);
      j++;
    }
  }
  for (; i < n; i++) push('delete', a[start + i]);
  for (; j < m; j++) push('insert', b[start + j]);
  for (let k = endA; k < a.length; k++) push('equal', a[k]);
  return ops;
}

/** Word diff of two texts; line diff when the texts are too long for a word table. */
export function diffText(older: string, newer: string): DiffOp[] {
  const a = wordTokens(older);
  const b = wordTokens(newer);
  if (a.length * b.length <= MAX_CELLS) return diffTokens(a, b);
  return diffTokens(lineTokens(older), lineTokens(newer));
}
