import type { SearchType } from '../../../common/domain.ts';

/**
 * A text progress bar for `frontdesk search reindex`: redrawn in place on a terminal, one line
 * per tenth otherwise (logs stay short).
 */
export function progressBar(out: NodeJS.WriteStream, width = 30) {
  let lastTenth = -1;
  return (type: SearchType, done: number, total: number): void => {
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    const filled = Math.round(ratio * width);
    const line = `${type.padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${(ratio * 100).toFixed(0)}%`;
    if (out.isTTY) {
      out.write(`\r${line}${done >= total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(ratio * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      out.write(`${line}\n`);
    }
  };
}
