/**
 * The few things the extension host needs that Node and a browser's Web Worker provide differently,
 * chosen once at load: the same bundle code runs in the desktop (Node) extension host and in the web
 * extension host of vscode.dev, github.dev and code-server, which has no `setImmediate`, `Buffer`,
 * `process` or `crypto.createHash`.
 */

type Turn = (run: () => void) => void;

/** Runs a callback on a later turn of the event loop, after pending I/O and messages. */
export const nextTurn: Turn = pickNextTurn();

function pickNextTurn(): Turn {
  const g = globalThis as { setImmediate?: (run: () => void) => unknown };
  if (typeof g.setImmediate === 'function') return (run) => void g.setImmediate!(run);
  // A worker's nested setTimeout(0) is clamped to 4 ms; a message on a channel is not, and still
  // lets the host's queued messages (a keystroke's request) run first.
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    const queue: (() => void)[] = [];
    // Typed here as Node's port; in a browser, setting onmessage also starts the port.
    (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => queue.shift()?.();
    return (run) => {
      queue.push(run);
      channel.port2.postMessage(undefined);
    };
  }
  return (run) => void setTimeout(run, 0);
}

/**
 * A 64-bit hash of `text` as 16 hex digits (two 32-bit multiply–xorshift lanes over the UTF-16 code
 * units, as cyrb53 does): synchronous and the same in every host. For naming files, never for security.
 */
export function hashHex(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** A name part no other window writing the same storage at the same moment will pick (no process id in a browser). */
export function uniqueSuffix(): string {
  return `${Date.now()}.${Math.random().toString(36).slice(2, 10)}`;
}
