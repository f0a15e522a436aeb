import type { PolicyDiagnostic } from "../../tools/harness/policy/evaluate";
import type { RecordedResource } from "../../tools/harness/run-program";
import { resource } from "./fixtures";
import { applyBatch, isBlamed, type Mutation, packBatches, planMutation, unexplained } from "./mutation-batches";

// The batching that lets production-stack.test.ts share analyzer runs: it
// must never let one mutation's finding pass for another's.

const VOLUME = "aws:ebs/volume:Volume";
const base: RecordedResource[] = ["a", "b", "c"].map((n) => resource(VOLUME, n, { encrypted: true, size: 10 }));
const urn = (name: string) => base.find((r) => r.name === name)!.urn;
const named = (rs: RecordedResource[], name: string) => rs.find((r) => r.name === name)!;

const m = (title: string, policy: string, change: Mutation["change"], more: Partial<Mutation> = {}): Mutation => ({
    title,
    policy,
    change,
    ...more,
});
const unencrypt = (name: string) =>
    m(`unencrypt ${name}`, "encrypted", (c) => (named(c, name).inputs.encrypted = false));
const shrink = (name: string) => m(`shrink ${name}`, "size", (c) => (named(c, name).inputs.size = 1));
const finding = (policy: string, at?: string): PolicyDiagnostic => ({
    policy,
    enforcementLevel: "mandatory",
    message: "",
    description: "",
    ...(at ? { urn: urn(at) } : {}),
});

describe("planMutation", () => {
    it("records the resources a change touched, and blames them by default", () => {
        const p = planMutation(base, unencrypt("b"));
        expect(p.touched).toEqual([urn("b")]);
        expect(p.blamed).toEqual([urn("b")]);
        expect(base[1].inputs.encrypted).toBe(true); // the base is not changed
    });

    it("counts removed and added resources as touched; only what is left can be blamed", () => {
        const p = planMutation(
            base,
            m("replace a", "x", (c) => {
                c.splice(0, 1);
                c.push(resource(VOLUME, "d", {}));
            }),
        );
        expect(p.touched.sort()).toEqual([urn("a"), resource(VOLUME, "d", {}).urn].sort());
        expect(p.blamed).toEqual([resource(VOLUME, "d", {}).urn]);
    });

    it("refuses a change that changes nothing", () => {
        expect(() =>
            planMutation(
                base,
                m("nothing", "x", () => undefined),
            ),
        ).toThrow(/"nothing" changed nothing/);
    });
});

describe("packBatches", () => {
    it("shares a run only between mutations with different policies and different resources", () => {
        const batches = packBatches(
            [unencrypt("a"), unencrypt("b"), shrink("a"), shrink("c")].map((x) => planMutation(base, x)),
        );
        expect(batches.map((b) => b.map((p) => p.mutation.title))).toEqual([
            ["unencrypt a", "shrink c"],
            ["unencrypt b", "shrink a"],
        ]);
    });

    it("treats a policy a mutation may also trip, and a resource it blames, as claimed", () => {
        const alsoSize = unencrypt("a");
        alsoSize.alsoTrips = ["size"];
        const blamesC = m("blames c", "other", (c) => (named(c, "b").inputs.size = 2), { blame: () => [urn("c")] });
        const batches = packBatches([alsoSize, shrink("b"), blamesC, unencrypt("c")].map((x) => planMutation(base, x)));
        expect(batches.map((b) => b.map((p) => p.mutation.title))).toEqual([
            ["unencrypt a", "blames c"],
            ["shrink b", "unencrypt c"],
        ]);
    });
});

describe("applyBatch", () => {
    it("applies every mutation of a batch to one copy", () => {
        const copy = applyBatch(base, [planMutation(base, unencrypt("a")), planMutation(base, shrink("c"))]);
        expect(copy.map((r) => r.inputs)).toEqual([
            { encrypted: false, size: 10 },
            { encrypted: true, size: 10 },
            { encrypted: true, size: 1 },
        ]);
    });

    it("refuses mutations that change what each other does", () => {
        // Alone it unencrypts the first volume; after the other's removal of a, that is b.
        const first = m("unencrypt the first", "encrypted", (c) => (c[0].inputs.encrypted = false));
        const removeA = m("remove a", "other", (c) => c.splice(0, 1), { blame: () => "stack" });
        expect(() => applyBatch(base, [planMutation(base, removeA), planMutation(base, first)])).toThrow(
            /interfere when applied together/,
        );
    });
});

describe("attributing findings", () => {
    const batch = [planMutation(base, unencrypt("a")), planMutation(base, { ...shrink("c"), alsoTrips: ["extra"] })];

    it("a finding of a mutation's own policy counts only where that mutation blames", () => {
        expect(isBlamed(batch[0], finding("encrypted", "a"))).toBe(true);
        expect(isBlamed(batch[0], finding("encrypted", "b"))).toBe(false);
        expect(isBlamed(batch[0], finding("encrypted"))).toBe(false);
        const stack = planMutation(base, { ...shrink("b"), blame: () => "stack" });
        expect(isBlamed(stack, finding("size"))).toBe(true);
        expect(isBlamed(stack, finding("size", "b"))).toBe(false);
    });

    it("leaves unexplained a finding no mutation of the batch accounts for", () => {
        const found = [
            finding("encrypted", "a"),
            finding("size", "c"),
            finding("extra", "c"), // c's change may also trip it
            finding("extra", "a"), // ...but only on what it touched
            finding("size", "a"), // a policy of the batch, on another mutation's resource
            finding("unrelated", "b"),
            { ...finding("unrelated", "b"), enforcementLevel: "advisory" as const },
        ];
        expect(unexplained(batch, found)).toEqual([
            finding("extra", "a"),
            finding("size", "a"),
            finding("unrelated", "b"),
        ]);
    });
});
