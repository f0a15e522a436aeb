import { execFileSync } from "node:child_process";
import {
    renderFullNodeUserData,
    renderNodeEnvironment,
    stateSyncRpcServers,
    trustHeightAssignment,
} from "../../components/full-nodes/bootstrap";

const servers = stateSyncRpcServers(
    "us-east-1",
    ["us-east-1", "eu-west-1", "ap-south-1", "us-west-2"],
    "virtengine.network",
);

describe("stateSyncRpcServers", () => {
    it("uses the other regions' RPC names, never the node's own region", () => {
        expect(servers).toEqual([
            "https://eu-west-1.rpc.virtengine.network:443",
            "https://ap-south-1.rpc.virtengine.network:443",
            "https://us-west-2.rpc.virtengine.network:443",
        ]);
    });

    it("adds the global name so there are always two witnesses", () => {
        expect(stateSyncRpcServers("us-east-1", ["us-east-1", "eu-west-1"], "example.org")).toEqual([
            "https://eu-west-1.rpc.example.org:443",
            "https://rpc.example.org:443",
        ]);
        expect(stateSyncRpcServers("us-east-1", ["us-east-1"], "example.org")).toHaveLength(2);
    });
});

describe("full node environment", () => {
    const env = renderNodeEnvironment({ chainId: "virtengine-1", rpcServers: servers });

    it("binds RPC on every interface, not CometBFT's default 127.0.0.1", () => {
        expect(env.VIRTENGINE_RPC_LADDR).toBe("tcp://0.0.0.0:26657");
    });

    it("turns on state sync with the documents' snapshot settings", () => {
        expect(env.VIRTENGINE_STATESYNC_ENABLE).toBe("true");
        expect(env.VIRTENGINE_STATESYNC_RPC_SERVERS).toBe(servers.join(","));
        expect(env.VIRTENGINE_STATESYNC_TRUST_PERIOD).toBe("168h0m0s");
        expect(env.VIRTENGINE_STATE_SYNC_SNAPSHOT_INTERVAL).toBe("1000");
        expect(env.VIRTENGINE_STATE_SYNC_SNAPSHOT_KEEP_RECENT).toBe("5");
    });

    it("serves gRPC, REST and metrics on the ports the security groups open", () => {
        expect(env.VIRTENGINE_GRPC_ADDRESS).toBe("0.0.0.0:9090");
        expect(env.VIRTENGINE_API_ADDRESS).toBe("tcp://0.0.0.0:1317");
        expect(env.VIRTENGINE_INSTRUMENTATION_PROMETHEUS_LISTEN_ADDR).toBe(":26660");
    });

    it("refuses fewer than two RPC servers", () => {
        expect(() => renderNodeEnvironment({ chainId: "x", rpcServers: ["https://a:443"] })).toThrow(/two RPC servers/);
    });
});

describe("full node user data", () => {
    const script = renderFullNodeUserData({ chainId: "virtengine-1", rpcServers: servers });

    it("is a bash script that bash can parse", () => {
        expect(script.startsWith("#!/bin/bash\n")).toBe(true);
        expect(() => execFileSync("bash", ["-n"], { input: script })).not.toThrow();
    });

    it("writes every environment setting into the node's env file", () => {
        for (const [key, value] of Object.entries(
            renderNodeEnvironment({ chainId: "virtengine-1", rpcServers: servers }),
        )) {
            expect(script).toContain(`\n${key}=${value}\n`);
        }
    });

    it("takes the trusted height from the first witness, at least 1000 blocks back, at a snapshot height", () => {
        expect(script).toContain(`'${servers[0]}/block'`);
        expect(script).toContain(trustHeightAssignment({ chainId: "virtengine-1", rpcServers: servers }));
        const heightFor = (latest: number, snapshotInterval: number) =>
            Number(
                execFileSync("bash", [
                    "-c",
                    `latest=${latest}; ${trustHeightAssignment({ chainId: "c", rpcServers: servers, snapshotInterval })}; echo $trust_height`,
                ]).toString(),
            );
        expect(heightFor(12345, 1000)).toBe(11000);
        expect(heightFor(12000, 1000)).toBe(11000);
        expect(heightFor(12345, 250)).toBe(11250);
        for (const latest of [5000, 7777, 123456]) {
            const h = heightFor(latest, 500);
            expect(h % 500).toBe(0);
            expect(latest - h).toBeGreaterThanOrEqual(1000);
            expect(latest - h).toBeLessThan(1500);
        }
    });

    it("carries no key material", () => {
        expect(script).not.toMatch(/priv_validator|mnemonic|node_key|BEGIN .*PRIVATE/i);
    });
});

describe("configured state sync", () => {
    it("renders the snapshot interval it is given", () => {
        const env = renderNodeEnvironment({ chainId: "c", rpcServers: servers, snapshotInterval: 250 });
        expect(env.VIRTENGINE_STATE_SYNC_SNAPSHOT_INTERVAL).toBe("250");
    });
});
