import type { Summary } from "../../tools/bench/measure";
import { renderTable } from "../../tools/bench/report";
import { checks, MS_LIMIT, RSS_LIMIT_BYTES } from "../../tools/bench/targets";

// What the bench judges from its medians (no timing here: these are made-up medians).
const summary = (runMs: number, maxRssKiB: number, processMs = runMs + 1_000): Summary => ({
    runMs,
    runCpuMs: runMs,
    reportMs: 0,
    processMs,
    maxRssKiB,
    resources: 100,
    samples: [],
});
const kib = (bytes: number) => bytes / 1024;
const LARGE_RSS = RSS_LIMIT_BYTES.large!;

describe("bench targets", () => {
    it("passes a large stack within time, memory and floor ratio", () => {
        const result = checks("large", summary(9_000, kib(1.1e9)), summary(8_000, kib(1.0e9)));
        expect(result.map((c) => c.pass)).toEqual([true, true, true]);
        expect(result.every((c) => c.unreachable === undefined)).toBe(true);
    });

    it("fails a plan time over the target, and says unreachable only when the floor is over it too", () => {
        const slowProgram = checks("large", summary(MS_LIMIT.large + 1, kib(1e9)), summary(MS_LIMIT.large, kib(1e9)));
        expect(slowProgram[0]).toMatchObject({ pass: false, unreachable: undefined });

        const slowFloor = checks("large", summary(12_000, kib(1e9)), summary(MS_LIMIT.large + 1, kib(1e9)));
        expect(slowFloor[0].pass).toBe(false);
        expect(slowFloor[0].unreachable).toBe(
            "unreachable: the floor alone (the SDK registering the same resources) measures 10.00 s against 10.00 s",
        );
    });

    it("names the floor's peak memory when it alone is over the memory target", () => {
        const result = checks("large", summary(9_000, kib(1.5e9)), summary(8_000, kib(1.7e9)));
        const rss = result.find((c) => c.target.startsWith("peak RSS"))!;
        expect(rss).toMatchObject({ pass: false, value: "1.50 GB" });
        expect(rss.unreachable).toContain("measures 1.70 GB against 1.20 GB");
        const within = checks("large", summary(9_000, kib(LARGE_RSS + 1024)), summary(8_000, kib(LARGE_RSS)));
        expect(within.find((c) => c.target.startsWith("peak RSS"))).toMatchObject({
            pass: false,
            unreachable: undefined,
        });
    });

    it("checks the production CLI's whole process against the floor's", () => {
        const floor = summary(2_000, kib(3e8), 4_000);
        const over = checks("production", summary(2_500, kib(3e8)), floor, 6_001);
        expect(over.at(-1)).toMatchObject({ pass: false, value: "1.50 (6.00 s / 4.00 s)" });
        const within = checks("production", summary(2_500, kib(3e8)), floor, 6_000);
        expect(within.at(-1)?.pass).toBe(true);
    });

    it("prints an unreachable target as FAIL* with the floor's value under the table", () => {
        const program = summary(12_000, kib(1.5e9));
        const floor = summary(11_000, kib(1.7e9));
        const text = renderTable(
            [{ name: "large", program, floor, dummy: floor, checks: checks("large", program, floor) }],
            3,
            { before: 3.5, after: 4, cores: 2 },
        );
        expect(text).toMatch(/large\s+plan time <= 10 s\s+12\.00 s\s+FAIL\*/);
        expect(text).toContain("* large, plan time <= 10 s: unreachable: the floor alone");
        expect(text).toContain("Load average 3.50 at the start, 4.00 at the end, on 2 cores");
        expect(text).toMatch(/large\s+time \/ floor <= 1\.5\s+1\.09\s+PASS/);
    });
});
