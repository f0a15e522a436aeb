import { testProgram } from "../harness/run-isolated";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { decodeRun, encodeRun, sharedRun, sourcesFingerprint } from "./shared-run";
import type { ProgramRun } from "../../tools/harness/run-program";

// Whole-stack runs shared between the files of a worker: each file must get
// exactly what a run of its own would have recorded, as its own copy.

const run = (extra: Record<string, unknown> = {}): ProgramRun =>
    ({
        project: "p",
        stack: "s",
        preview: true,
        resources: [{ urn: "u", providerRegion: undefined, inputs: { list: [1, "a", null, { b: false }] }, ...extra }],
        invokes: [],
        outputNames: ["x"],
    }) as unknown as ProgramRun;

describe("a recorded run as text", () => {
    it("comes back exactly, undefined properties included", () => {
        const back = decodeRun(encodeRun(run()));
        expect(back).toStrictEqual(run());
        expect(Object.keys(back.resources[0])).toContain("providerRegion");
    });

    it.each([
        ["NaN", Number.NaN, /inputs is NaN/],
        ["a Date", new Date(0), /inputs is a \[object Date\]/],
        ["a Map", new Map(), /inputs is a \[object Map\]/],
        ["a function", () => 1, /inputs is a function/],
        ["the undefined marker", "\u0000undefined", /inputs holds the undefined marker/],
    ])("is refused when it holds %s, which JSON would not carry back", (_, value, message) => {
        expect(() => encodeRun(run({ inputs: value }))).toThrow(message);
    });
});

describe("sharedRun", () => {
    const options = (stack: string) => ({ project: "harness", stack, config: {}, program: testProgram("clean.ts") });
    const store = () =>
        (globalThis as unknown as { sharedRuns: { runs: Map<string, Promise<string>> } }).sharedRuns.runs;

    it("builds a run once per worker and gives each caller its own copy", async () => {
        const first = await sharedRun(options("shared-once"));
        expect(store().has(JSON.stringify(options("shared-once")))).toBe(true);
        const entries = store().size;
        const second = await sharedRun(options("shared-once"));
        expect(store().size).toBe(entries);
        expect(second).toStrictEqual(first);
        expect(second.resources.map((r) => r.name)).toEqual(["us-east-1", "logs", "derived"]);
        // As the recorder left it: the provider's own region is an undefined property, not a missing one.
        expect(Object.keys(second.resources[0])).toContain("providerRegion");
        expect(second.resources[0].providerRegion).toBeUndefined();
        second.resources.pop();
        expect((await sharedRun(options("shared-once"))).resources).toHaveLength(3);
    });

    it("drops every run recorded from sources that have changed since", async () => {
        const shared = (globalThis as unknown as { sharedRuns: { sources?: string } }).sharedRuns;
        store().set("recorded before an edit", Promise.resolve("{}"));
        shared.sources = "the sources before an edit";
        await sharedRun(options("shared-once"));
        expect(store().has("recorded before an edit")).toBe(false);
        expect(shared.sources).not.toBe("the sources before an edit");
    });

    it("runs another program in a fresh module registry, as a program runs once per registry", async () => {
        const other = await sharedRun(options("shared-other"));
        expect(other.stack).toBe("shared-other");
        expect(other.resources.map((r) => r.name)).toEqual(["us-east-1", "logs", "derived"]);
    });
});

describe("sourcesFingerprint", () => {
    it("changes when a source file is edited, added or removed, and only then", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sources-"));
        try {
            fs.mkdirSync(path.join(dir, "components"));
            const file = path.join(dir, "components", "a.ts");
            fs.writeFileSync(file, "export const a = 1;\n");
            const roots = [path.join(dir, "index.ts"), path.join(dir, "components")];
            const before = sourcesFingerprint(roots);
            expect(sourcesFingerprint(roots)).toBe(before);
            fs.writeFileSync(file, "export const a = 22;\n");
            const edited = sourcesFingerprint(roots);
            expect(edited).not.toBe(before);
            fs.writeFileSync(path.join(dir, "index.ts"), "");
            const added = sourcesFingerprint(roots);
            expect(added).not.toBe(edited);
            fs.rmSync(path.join(dir, "index.ts"));
            expect(sourcesFingerprint(roots)).toBe(edited);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
