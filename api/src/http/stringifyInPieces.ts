import { nextTurn } from '../context/nextTurn.ts';

/** Array items serialised in one piece. */
const PIECE = 1000;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v)) && !('toJSON' in v);

/** Whether a long array is reached from `v` through plain objects alone: where writing in pieces pays. */
function hasLongArray(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > PIECE;
  return isPlainObject(v) && Object.values(v).some(hasLongArray);
}

/** What JSON.stringify writes for `v` as an array item (null where it would leave a property out). */
const item = (v: unknown): string => JSON.stringify(v) ?? 'null';

async function write(v: unknown, out: string[]): Promise<void> {
  if (Array.isArray(v) && v.length > PIECE) {
    out.push('[');
    for (let i = 0; i < v.length; i += PIECE) {
      if (i > 0) {
        await nextTurn();
        out.push(',');
      }
      out.push(v.slice(i, i + PIECE).map(item).join(','));
    }
    out.push(']');
  } else if (isPlainObject(v) && hasLongArray(v)) {
    out.push('{');
    let first = true;
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      out.push(`${first ? '' : ','}${JSON.stringify(k)}:`);
      first = false;
      await write(x, out);
    }
    out.push('}');
  } else {
    out.push(item(v));
  }
}

/**
 * Apollo's serialisation of a response (`JSON.stringify(result) + '\n'`, the same text), with every
 * array longer than PIECE written a piece at a time, each piece at its turn (nextTurn):
 * a 6 MB graph answer is one JSON.stringify call of ~0.1 s otherwise, during which no other
 * request is served. Objects on the way to such arrays are walked; everything else is left to
 * JSON.stringify.
 */
export async function stringifyInPieces(result: unknown): Promise<string> {
  if (!hasLongArray(result)) return `${JSON.stringify(result)}\n`;
  const out: string[] = [];
  await write(result, out);
  return `${out.join('')}\n`;
}
