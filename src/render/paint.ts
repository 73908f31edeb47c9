/** The few styles renderers use. Plain identity functions when colour is off, so output is plain bytes. */
export interface Paint {
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  green: (s: string) => string;
  yellow: (s: string) => string;
  cyan: (s: string) => string;
  magenta: (s: string) => string;
}

const id = (s: string) => s;
export const plain: Paint = { bold: id, dim: id, red: id, green: id, yellow: id, cyan: id, magenta: id };

/** A chalk-backed paint, loaded only when colour is on. */
export async function makePaint(color: boolean): Promise<Paint> {
  if (!color) return plain;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { bold: c.bold, dim: c.dim, red: c.red, green: c.green, yellow: c.yellow, cyan: c.cyan, magenta: c.magenta };
}
