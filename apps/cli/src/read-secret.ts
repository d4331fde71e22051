import { createInterface } from 'node:readline';

/**
 * Reads one line from standard input: at a terminal after `prompt`, without echoing what is
 * typed; from a pipe, its first line.
 */
export async function readSecret(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const lines = createInterface({ input });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    return '';
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  let typed = '';
  try {
    for await (const chunk of input) {
      for (const character of (chunk as Buffer).toString('utf8')) {
        if (character === '\r' || character === '\n') return typed;
        if (character === '\u0003') throw new Error('cancelled');
        typed = character === '\u007f' ? typed.slice(0, -1) : typed + character;
      }
    }
    return typed;
  } finally {
    input.setRawMode(false);
    input.pause();
    process.stderr.write('\n');
  }
}
