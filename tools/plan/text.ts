/*
 * Plain-text layout for the plan's terminal report: every line fits WIDTH
 * columns. Prose is wrapped at spaces; a table too wide for the line is
 * split into several tables over its columns, each repeating the first
 * (row name) column.
 */

/** The widest line the text report prints. */
export const WIDTH = 100;

/**
 * Wraps `text` at spaces so no line is wider than `width`; continuation
 * lines get `indent`. A word longer than a line (a URN) is broken inside.
 */
export function wrap(text: string, width = WIDTH, indent = "    "): string[] {
    // Leading spaces are kept on the first line (an item under a heading).
    const lead = /^ */.exec(text)![0];
    const lines: string[] = [];
    let line = "";
    const room = () => width - (lines.length === 0 ? lead.length : indent.length);
    for (const word of text.slice(lead.length).split(/ +/)) {
        let rest = word;
        // A word that fits no line is cut into pieces of a full line each.
        while (rest.length > room()) {
            if (line !== "") {
                lines.push(line);
                line = "";
            }
            lines.push(rest.slice(0, room()));
            rest = rest.slice(room());
        }
        if (rest === "") continue;
        if (line === "") line = rest;
        else if (line.length + 1 + rest.length <= room()) line += ` ${rest}`;
        else {
            lines.push(line);
            line = rest;
        }
    }
    if (line !== "" || lines.length === 0) lines.push(line);
    return lines.map((l, i) => (i === 0 ? `${lead}${l}` : `${indent}${l}`));
}

/**
 * An error line that fits WIDTH: as it is when it does (its spacing kept),
 * else wrapped with continuation lines indented under it, so each problem
 * still reads as one entry. Stack frames (`    at ...`) are kept whole: tools
 * and editors read them.
 */
export function wrapErrorLine(line: string): string[] {
    if (line.length <= WIDTH || /^\s+at /.test(line)) return [line];
    const lead = /^ */.exec(line)![0];
    return wrap(line, WIDTH, `${lead}    `);
}

/** A table's lines: header, rule, rows; numeric columns right-aligned, two spaces between columns. */
function oneTable(headers: string[], rows: string[][], numeric: boolean[]): string[] {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    const line = (cells: string[]) =>
        cells
            .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
            .join("  ")
            .trimEnd();
    return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

/**
 * A table that fits `width`: as one table when it does, else split into
 * several over its columns (each with the first column), separated by a
 * blank line. A column wider than the line on its own is still shown whole:
 * callers keep cells short and list long text under the table instead.
 */
export function table(headers: string[], rows: string[][], numeric: boolean[], width = WIDTH): string {
    const columnWidth = (i: number) => Math.max(headers[i].length, ...rows.map((row) => row[i].length));
    const first = columnWidth(0);
    const groups: number[][] = [];
    let group: number[] = [];
    let used = first;
    for (let i = 1; i < headers.length; i++) {
        const w = columnWidth(i) + 2;
        if (group.length > 0 && used + w > width) {
            groups.push(group);
            group = [];
            used = first;
        }
        group.push(i);
        used += w;
    }
    if (group.length > 0 || groups.length === 0) groups.push(group);
    const pick = <T>(cells: T[], columns: number[]) => [cells[0], ...columns.map((i) => cells[i])];
    return groups
        .map((columns) =>
            oneTable(
                pick(headers, columns),
                rows.map((row) => pick(row, columns)),
                pick(numeric, columns),
            ).join("\n"),
        )
        .join("\n\n");
}

/**
 * A Pulumi type token in its short form when that names the same type
 * (`aws:ec2/instance:Instance` is `aws:ec2:Instance`), so type tables fit.
 */
export function shortType(token: string): string {
    const match = /^([^:]+):([^:/]+)\/([^:]+):([^:]+)$/.exec(token);
    if (!match) return token;
    const [, pkg, module, file, name] = match;
    return file === name.charAt(0).toLowerCase() + name.slice(1) ? `${pkg}:${module}:${name}` : token;
}
