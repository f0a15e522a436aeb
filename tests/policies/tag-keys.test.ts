import * as program from "../../components/common/tags";
import * as pack from "../../policies/lib/tag-keys";

// The pack is self-contained (it ships without the program), so it keeps its
// own copy of the tag keys; a renamed key in one would silently blind a policy.
describe("the pack's tag keys", () => {
    it("are the program's", () => {
        expect(pack.TAG_ROLE).toBe(program.TAG_ROLE);
        expect(pack.TAG_VOTING_POWER).toBe(program.TAG_VOTING_POWER);
    });

    it("name the program's node roles as the program writes them", () => {
        const roles: program.NodeRole[] = [pack.ROLE_VALIDATOR, pack.ROLE_FULL_NODE, pack.ROLE_PROVIDER_DAEMON];
        expect(roles).toEqual(["validator", "full-node", "provider-daemon"]);
    });
});
