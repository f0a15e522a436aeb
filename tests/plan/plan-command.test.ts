import * as fs from "node:fs";
import * as path from "node:path";
import { PLAN_COMMAND } from "../../tools/bench/measure";

// The bench times the plan as users run it: its command must be npm's.
it("the bench runs the plan with the same node settings as `npm run plan`", () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8"));
    expect(pkg.scripts.plan).toBe(["node", ...PLAN_COMMAND].join(" "));
});
