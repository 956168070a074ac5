// Offsets are what the lexer knows; lines and columns are what editors and CodeLens want.

export interface LinePosition {
  /** 0-based */
  line: number;
  /** 0-based, in UTF-16 code units like VS Code positions */
  column: number;
}

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      // \r\n counts once; a lone \r is a line break too, as VS Code treats it.
      if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) this.lineStarts.push(i + 1);
    }
  }

  positionAt(offset: number): LinePosition {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, column: offset - this.lineStarts[low] };
  }
}
