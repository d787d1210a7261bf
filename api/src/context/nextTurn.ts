/** Pieces of long work waiting for their turn, first come first served. */
const waiting: Array<() => void> = [];
let pumping = false;

function pump(): void {
  const next = waiting.shift();
  if (!next) {
    pumping = false;
    return;
  }
  next();
  setImmediate(pump);
}

/**
 * Resolves when the next piece of a long piece of work may run: the event loop has turned, and it
 * is this piece's turn. The pieces of every large answer in progress (mapped, completed by GraphQL,
 * written as JSON) wait in one line and one of them runs per turn of the event loop, so however
 * many large answers are in progress a turn stays about one piece long, and the I/O of every
 * other request — a cheap query's database answer, /healthz — is served between two pieces.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!pumping) {
      pumping = true;
      setImmediate(pump);
    }
  });
}
