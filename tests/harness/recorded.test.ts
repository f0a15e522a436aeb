import fc from "fast-check";
import { num as policyNum, tagsOf as policyTagsOf } from "../../policies/lib/read";
import { T as POLICY_TYPES } from "../../policies/lib/types";
import { isSecret, known, knownNumber, tagsOf, TYPES, UNKNOWN } from "../../tools/harness/recorded";

// The pack reads the same values through its own copies (it cannot import
// from tools/): these tests keep the two in step.
describe("the pack's mirror of the recorded-resource helpers", () => {
    it("has every type token the pack names, under the same name and value", () => {
        for (const [name, token] of Object.entries(POLICY_TYPES)) {
            expect({ name, token: (TYPES as Record<string, string>)[name] }).toEqual({ name, token });
        }
    });

    const tagValue = fc.oneof(fc.string(), fc.integer(), fc.constant(null));
    const tags = fc.oneof(
        fc.dictionary(fc.string({ minLength: 1 }), tagValue),
        fc.array(fc.record({ key: fc.string({ minLength: 1 }), value: tagValue })),
    );

    it("reads tags as the pack does, in both AWS shapes", () => {
        fc.assert(
            fc.property(tags, (t) => {
                expect(tagsOf({ inputs: { tags: t } })).toEqual(policyTagsOf({ tags: t }));
            }),
        );
    });

    it("reads numbers as the pack does, from numbers and numeric strings", () => {
        const value = fc.oneof(
            fc.double({ noNaN: true }),
            fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY),
            fc.integer().map(String),
            fc.constantFrom("", " ", "12", "1e3", "-4", "x", "Infinity"),
        );
        fc.assert(
            fc.property(value, (v) => {
                expect(knownNumber(v)).toEqual(policyNum({ v }, "v"));
            }),
        );
    });
});

describe("known", () => {
    it("unwraps secrets and turns the unknown marker into undefined", () => {
        const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "s" };
        expect(isSecret(secret)).toBe(true);
        expect(known(secret)).toBe("s");
        expect(known(UNKNOWN)).toBe(undefined);
        expect(knownNumber(UNKNOWN)).toBe(undefined);
    });
});
