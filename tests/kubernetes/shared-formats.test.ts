import * as fc from "fast-check";
import * as program from "../../components/kubernetes/cluster-identifier";
import { KUBERNETES_NODE_ROLE } from "../../components/kubernetes/node-group";
import { SUPPORTED_REGIONS } from "../../config/regions";
import * as pack from "../../policies/lib/kubernetes";
import { ROLE_KUBERNETES_NODE } from "../../policies/lib/tag-keys";

// The pack ships without the program, so it reads the cluster identifier and
// the node role with its own copies; these keep the two in step.
describe("formats the program writes and the pack reads", () => {
    it("reads the region back from every cluster identifier the program makes", () => {
        fc.assert(
            fc.property(
                fc.constantFrom(...SUPPORTED_REGIONS),
                fc.constantFrom("production", "staging"),
                (region, env) => {
                    const id = program.clusterIdentifier(region, `virtengine-${env}-${region}`);
                    return (
                        program.regionOfClusterIdentifier(id) === region &&
                        pack.regionOfClusterIdentifier(id) === region
                    );
                },
            ),
        );
    });

    it("reads nothing from identifiers that are not ours", () => {
        for (const id of ["", "cluster", "us-east-1", "us-east-1/", "arn:aws:eks:us-east-1:1:cluster/x", 42]) {
            expect(program.regionOfClusterIdentifier(id)).toBeUndefined();
            expect(pack.regionOfClusterIdentifier(id)).toBeUndefined();
        }
    });

    it("tags Kubernetes nodes with the role the pack recognises", () => {
        expect(KUBERNETES_NODE_ROLE).toBe(ROLE_KUBERNETES_NODE);
    });
});
