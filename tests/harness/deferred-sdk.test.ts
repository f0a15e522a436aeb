import { execFileSync } from "node:child_process";
import * as path from "node:path";

// jest's module registry bypasses Node's loader, so this runs in a child
// node: the SDK loads without its function-serialisation and Automation API
// dependencies, and they still load on first use.
const REPO = path.resolve(__dirname, "../..");
const NODE = path.join(REPO, "node_modules/.bin/node");

const script = `
const { loadSdkWithDeferredDependencies } = require("./tools/harness/sdk-internals");
const pulumi = loadSdkWithDeferredDependencies();
const loaded = (name) => Object.keys(require.cache).some((f) => f.includes("/node_modules/" + name + "/"));
const before = ["@npmcli/arborist", "typescript", "execa"].filter(loaded);
const output = typeof pulumi.output;
const codePaths = require("@pulumi/pulumi/runtime/closure/codePaths");
const typescriptVersion = require("@pulumi/pulumi/typescript-shim").version ?? null;
console.log(JSON.stringify({ before, output, codePaths: typeof codePaths.computeCodePaths, typescriptLoaded: loaded("typescript"), typescriptVersion: typeof typescriptVersion }));
`;

describe("loadSdkWithDeferredDependencies", () => {
    it("loads the SDK without typescript, @npmcli/arborist and execa, which still load when used", () => {
        const out = execFileSync(NODE, ["--import", "tsx", "-e", script], { cwd: REPO, encoding: "utf8" });
        const result = JSON.parse(out.trim().split("\n").pop()!);
        expect(result.before).toEqual([]);
        expect(result.output).toBe("function");
        expect(result.codePaths).toBe("function");
        expect(result.typescriptLoaded).toBe(true);
    });
});

describe("the suite's stand-ins for the same packages (jest.config.js moduleNameMapper)", () => {
    it("load the real package on first use", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const ts = require("typescript") as { version: string; createSourceFile: unknown };
        expect(ts.version).toMatch(/^5\./);
        expect(typeof ts.createSourceFile).toBe("function");
    });
});

// The plan CLI imports these before it calls loadSdkWithDeferredDependencies
// (tools/plan/cli.ts): if one of them loaded @pulumi/pulumi itself, the SDK
// would arrive with every deferred package (about 460 modules more).
const LOADED_BEFORE_THE_SDK = [
    "./tools/plan/load-stack",
    "./tools/harness/policy/evaluate",
    "./tools/plan/compare/read-plan",
];

describe("what the plan CLI loads before the SDK", () => {
    it("does not load @pulumi/pulumi", () => {
        const check = `
for (const m of ${JSON.stringify(LOADED_BEFORE_THE_SDK)}) require(m);
const sdk = Object.keys(require.cache).filter((f) => /[/]node_modules[/]@pulumi[/]pulumi[/]index[.]js$/.test(f));
console.log(JSON.stringify(sdk.length));
`;
        const out = execFileSync(NODE, ["--import", "tsx", "-e", check], { cwd: REPO, encoding: "utf8" });
        expect(JSON.parse(out.trim().split("\n").pop()!)).toBe(0);
    });
});
