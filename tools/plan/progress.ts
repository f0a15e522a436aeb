/**
 * Progress while the plan runs, on stderr and only when stderr is a
 * terminal: one line, rewritten in place with the time so far, cleared
 * before the report is printed. When stderr is a file or a pipe (CI,
 * `2>log`) nothing is written, so captured output stays the report and its
 * errors alone.
 */
export interface Progress {
    /** Shows what the plan is doing now. */
    step(what: string): void;
    /** Clears the line and stops the clock; call before printing anything else. */
    done(): void;
}

export interface Terminal {
    isTTY?: boolean;
    columns?: number;
    write(chunk: string): boolean;
}

const CLEAR_LINE = "\r\u001b[2K";
const TICK_MS = 500;

export function createProgress(stream: Terminal, now: () => number = Date.now): Progress {
    if (!stream.isTTY) return { step: () => {}, done: () => {} };
    const start = now();
    let current: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    const draw = () => {
        if (current === undefined) return;
        const line = `plan: ${current} (${((now() - start) / 1000).toFixed(0)} s)`;
        // A terminal that reports no width (0) is taken as 100 columns.
        const width = Math.max(20, (stream.columns || 100) - 1);
        stream.write(`${CLEAR_LINE}${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
    };
    return {
        step(what) {
            current = what;
            draw();
            // A plan of a large stack takes many seconds in one step: keep the clock moving.
            timer ??= setInterval(draw, TICK_MS).unref();
        },
        done() {
            if (timer) clearInterval(timer);
            timer = undefined;
            if (current !== undefined) stream.write(CLEAR_LINE);
            current = undefined;
        },
    };
}
