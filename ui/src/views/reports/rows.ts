import { localized, type Table } from "../../api";

/**
 * A number cell of a figure's rows as people read it: `1234.5` → `1,234.5`,
 * keeping the decimals it came with (amounts come in yuan with two). Anything
 * that is not a plain number stays as it came.
 */
export function numericCell(text: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const decimals = text.split(".")[1]?.length ?? 0;
  return new Intl.NumberFormat("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(text));
}

/** About how wide `text` is at the table's 12–14 px: a Chinese character twice a digit. */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) > 0x2e7f ? 14 : 7.5;
  return width;
}

/**
 * Each column's width: as wide as its header and the widest of the first rows
 * (numbers, dates and work order numbers are never cut), within reason.
 */
export function columnWidths(table: Table, sample = 200): number[] {
  const rows = table.rows.slice(0, sample);
  return table.columns.map((column, i) => {
    const widest = Math.max(textWidth(localized(column.title)), ...rows.map((row) => textWidth(row[i] ?? "")));
    return Math.min(320, Math.max(64, Math.ceil(widest) + 28));
  });
}
