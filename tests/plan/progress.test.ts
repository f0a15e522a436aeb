import { createProgress } from "../../tools/plan/progress";

/** A stream that records what is written to it. */
const stream = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { isTTY, columns: 60, chunks, write: (chunk: string) => chunks.push(chunk) > 0 };
};

describe("plan progress", () => {
    afterEach(() => jest.useRealTimers());

    it("writes nothing when stderr is not a terminal", () => {
        const s = stream(false);
        const progress = createProgress(s);
        progress.step("running the program");
        progress.done();
        expect(s.chunks).toEqual([]);
    });

    it("on a terminal, shows each step with the time so far, keeps the clock moving, and clears the line", () => {
        jest.useFakeTimers();
        const s = stream(true);
        let now = 0;
        const progress = createProgress(s, () => now);
        progress.step("running the program on Pulumi.production.yaml");
        expect(s.chunks.at(-1)).toBe("\r\u001b[2Kplan: running the program on Pulumi.production.yaml (0 s)");
        now = 3000;
        jest.advanceTimersByTime(500);
        expect(s.chunks.at(-1)).toMatch(/\(3 s\)$/);
        progress.done();
        expect(s.chunks.at(-1)).toBe("\r\u001b[2K");
        const written = s.chunks.length;
        jest.advanceTimersByTime(5000);
        expect(s.chunks).toHaveLength(written);
    });

    it("takes a terminal that reports no width (0) as 100 columns", () => {
        const s = { ...stream(true), columns: 0 };
        createProgress(s, () => 0).step("running the program on Pulumi.production.yaml");
        expect(s.chunks[0]).toBe("\r\u001b[2Kplan: running the program on Pulumi.production.yaml (0 s)");
    });

    it("cuts a line to the terminal's width", () => {
        const s = stream(true);
        const progress = createProgress(s, () => 0);
        progress.step("x".repeat(200));
        progress.done();
        expect(s.chunks[0].replace("\r\u001b[2K", "").length).toBeLessThanOrEqual(59);
    });
});
