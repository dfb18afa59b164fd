/** C0 and C1 control characters (ESC, BEL, CR, LF, TAB, DEL, CSI…) and the Unicode line/paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * One output line with every control character shown as `\xHH` instead of sent to the
 * terminal: a person name from HikCentral carrying ESC sequences or BEL must not recolour,
 * move the cursor, retitle the window or forge another line of our output.
 */
export function printable(line: string): string {
  return line.replace(CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
