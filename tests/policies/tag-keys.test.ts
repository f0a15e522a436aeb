import * as path from "node:path";
import * as program from "../../components/common/tags";
import { nodeKindOf } from "../../policies/lib/nodes";
import * as pack from "../../policies/lib/tag-keys";
import { runProgram } from "../../tools/harness/run-program";
import { engineConfig, rawStackConfig } from "../helpers/fixtures";
import { Inventory, T } from "../helpers/stack-run";

// The pack is self-contained (it ships without the program), so it keeps its
// own copy of the tag keys and roles; a renamed key or role in one would
// silently blind a policy.
describe("the pack's tag keys", () => {
    it("are the program's", () => {
        expect(pack.TAG_ROLE).toBe(program.TAG_ROLE);
        expect(pack.TAG_VOTING_POWER).toBe(program.TAG_VOTING_POWER);
    });

    it("name the program's node roles", () => {
        expect({
            validator: pack.ROLE_VALIDATOR,
            fullNode: pack.ROLE_FULL_NODE,
            providerDaemon: pack.ROLE_PROVIDER_DAEMON,
            kubernetesNode: pack.ROLE_KUBERNETES_NODE,
        }).toEqual(program.ROLE);
    });
});

describe("the roles a region's components write", () => {
    let inv: Inventory;
    beforeAll(async () => {
        inv = new Inventory(
            await runProgram({
                project: "virtengine",
                stack: "staging",
                config: engineConfig(rawStackConfig("staging")),
                program: path.join(__dirname, "../region/programs/first-region.ts"),
            }),
        );
    });
    const kind = (type: string) => inv.ofType(type).map((r) => nodeKindOf({ type: r.type, props: r.inputs }));

    it("make the pack see its validators as validators", () => {
        expect(kind(T.instance)).toEqual(inv.ofType(T.instance).map(() => "validator"));
        expect(kind(T.instance).length).toBeGreaterThan(0);
    });

    it("make the pack see its full-node group and launch template as full nodes", () => {
        expect(kind(T.asg)).toEqual(["full-node"]);
        expect(kind(T.launchTemplate)).toEqual(["full-node"]);
    });
});
