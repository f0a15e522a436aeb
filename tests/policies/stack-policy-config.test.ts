import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readStackPolicyConfig } from "../../tools/harness/policy/evaluate";

/** Which policy config a stack is planned with, and what happens without one. */
describe("a stack's policy config", () => {
    let dir: string;
    beforeAll(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-config-"));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("is policies/config/<stack>.json, named as the user would name it", () => {
        const read = readStackPolicyConfig("production");
        expect(read.ok && read.source).toBe("policies/config/production.json");
    });

    it("is an error when the stack has none: the pack's defaults are never used silently", () => {
        expect(readStackPolicyConfig("qa")).toEqual({
            ok: false,
            problems: [
                'policies/config/qa.json: stack "qa" has no policy config; create it (see the README, "Configure") or pass --policy-config FILE',
            ],
        });
    });

    it("is --policy-config FILE when given, relative to where the user is", () => {
        fs.writeFileSync(path.join(dir, "strict.json"), '{"all": "mandatory"}');
        expect(readStackPolicyConfig("qa", "strict.json", dir)).toEqual({
            ok: true,
            raw: { all: "mandatory" },
            source: "strict.json",
        });
        expect(readStackPolicyConfig("qa", "nope.json", dir)).toEqual({
            ok: false,
            problems: ["--policy-config nope.json: no such file"],
        });
    });

    it("refuses what is not a regular file, at once", () => {
        expect(readStackPolicyConfig("qa", "/dev/zero", dir)).toEqual({
            ok: false,
            problems: ["/dev/zero: not a regular file"],
        });
        expect(readStackPolicyConfig("qa", ".", dir)).toEqual({ ok: false, problems: [".: not a regular file"] });
    });

    it("names the file when it is not JSON", () => {
        fs.writeFileSync(path.join(dir, "bad.json"), "{ all: mandatory");
        const read = readStackPolicyConfig("qa", "bad.json", dir);
        expect(read.ok ? [] : read.problems).toEqual([expect.stringMatching(/^bad\.json: not valid JSON: /)]);
    });
});
