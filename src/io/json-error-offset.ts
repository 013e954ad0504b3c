/**
 * The offset of the first syntax error in `text` read as strict JSON, or undefined when it finds
 * none. V8 leaves the position out of some messages ("Unexpected token 'x', ... is not valid
 * JSON"); this small scanner finds it. Used only after JSON.parse failed, so it need not be fast.
 */
export function jsonErrorOffset(text: string): number | undefined {
  const scanner = new JsonScanner(text);
  try {
    scanner.value();
    scanner.space();
    return scanner.i < text.length ? scanner.i : undefined;
  } catch (error) {
    if (error instanceof ScanError) return error.offset;
    if (error instanceof RangeError) return undefined; // nested too deep for the stack
    throw error;
  }
}

class ScanError extends Error {
  constructor(readonly offset: number) {
    super('JSON syntax error');
  }
}

/** A recursive-descent reader of JSON that only moves `i` and throws a ScanError where it stops. */
class JsonScanner {
  i = 0;

  constructor(private readonly text: string) {}

  private fail(at: number): never {
    throw new ScanError(at);
  }

  space(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i])) this.i++;
  }

  value(): void {
    this.space();
    const ch = this.text[this.i];
    if (ch === '{') this.object();
    else if (ch === '[') this.array();
    else if (ch === '"') this.string();
    else if (ch === 't') this.literal('true');
    else if (ch === 'f') this.literal('false');
    else if (ch === 'n') this.literal('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) this.number();
    else this.fail(this.i);
  }

  private object(): void {
    const { text } = this;
    this.i++;
    this.space();
    if (text[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      if (text[this.i] !== '"') this.fail(this.i);
      this.string();
      this.space();
      if (text[this.i] !== ':') this.fail(this.i);
      this.i++;
      this.value();
      this.space();
      if (text[this.i] === ',') this.i++;
      else if (text[this.i] === '}') {
        this.i++;
        return;
      } else this.fail(this.i);
    }
  }

  private array(): void {
    const { text } = this;
    this.i++;
    this.space();
    if (text[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value();
      this.space();
      if (text[this.i] === ',') this.i++;
      else if (text[this.i] === ']') {
        this.i++;
        return;
      } else this.fail(this.i);
    }
  }

  private literal(word: string): void {
    for (let k = 0; k < word.length; k++, this.i++) if (this.text[this.i] !== word[k]) this.fail(this.i);
  }

  private string(): void {
    const { text } = this;
    this.i++; // opening quote
    for (;;) {
      if (this.i >= text.length) this.fail(this.i);
      const ch = text.charCodeAt(this.i);
      if (ch === 0x22) break;
      if (ch < 0x20) this.fail(this.i);
      if (ch === 0x5c) {
        const next = text[this.i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.i + 2, this.i + 6))) this.fail(this.i);
          this.i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) this.fail(this.i);
        this.i += 2;
        continue;
      }
      this.i++;
    }
    this.i++; // closing quote
  }

  private number(): void {
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = this.i;
    if (!m.exec(this.text)) this.fail(this.i);
    this.i = m.lastIndex;
    if (this.i < this.text.length && /[\d.eE+-]/.test(this.text[this.i])) this.fail(this.i);
  }
}
