/**
 * The bench's targets (issue 7, deliverable 10) and the checks of measured
 * medians against them. Pure: bench.ts measures, this judges.
 */
import type { Summary } from "./measure";
import type { TargetCheck } from "./report";

export type CaseName = "production" | "large";

/**
 * Targets from the issues. "Within a few seconds" for production is read as
 * 3 s. 1.2 GB is taken as 1.2e9 bytes, the stricter reading. Plan-time
 * targets apply to the time measured around runProgram inside the child; the
 * end-to-end target to the production CLI's whole process against the
 * floor's whole process.
 */
export const MS_LIMIT: Record<CaseName, number> = { production: 3_000, large: 10_000 };
export const RSS_LIMIT_BYTES: Partial<Record<CaseName, number>> = { large: 1.2e9 };
export const FLOOR_RATIO_LIMIT = 1.5;
export const END_TO_END_RATIO_LIMIT: Partial<Record<CaseName, number>> = { production: 1.5 };

/**
 * What an absolute target's check adds when the floor alone misses it: the
 * floor's value against the target, so a failure the program cannot fix
 * reads as a target to restate, not a program to speed up.
 */
export function unreachableNote(floorValue: number, limit: number, show: (v: number) => string): string | undefined {
    return floorValue > limit
        ? `unreachable: the floor alone (the SDK registering the same resources) measures ${show(floorValue)} ` +
              `against ${show(limit)}`
        : undefined;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const gigabytes = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

export function checks(name: CaseName, program: Summary, floor: Summary, endToEndMs?: number): TargetCheck[] {
    const out: TargetCheck[] = [];
    const ms = MS_LIMIT[name];
    out.push({
        target: `plan time <= ${ms / 1000} s`,
        value: seconds(program.runMs),
        pass: program.runMs <= ms,
        unreachable: unreachableNote(floor.runMs, ms, seconds),
    });
    const rss = RSS_LIMIT_BYTES[name];
    if (rss !== undefined) {
        const bytes = program.maxRssKiB * 1024;
        out.push({
            target: `peak RSS <= ${rss / 1e9} GB`,
            value: gigabytes(bytes),
            pass: bytes <= rss,
            unreachable: unreachableNote(floor.maxRssKiB * 1024, rss, gigabytes),
        });
    }
    const ratio = program.runMs / floor.runMs;
    out.push({
        target: `time / floor <= ${FLOOR_RATIO_LIMIT}`,
        value: ratio.toFixed(2),
        pass: ratio <= FLOOR_RATIO_LIMIT,
    });
    const endToEnd = END_TO_END_RATIO_LIMIT[name];
    if (endToEnd !== undefined && endToEndMs !== undefined) {
        const processRatio = endToEndMs / floor.processMs;
        out.push({
            target: `plan process / floor process <= ${endToEnd}`,
            value: `${processRatio.toFixed(2)} (${(endToEndMs / 1000).toFixed(2)} s / ${(floor.processMs / 1000).toFixed(2)} s)`,
            pass: processRatio <= endToEnd,
        });
    }
    return out;
}
