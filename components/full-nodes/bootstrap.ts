import { PORTS } from "../common/ports";

/** What a full node needs to join the chain by state sync. */
export interface FullNodeBootstrapOptions {
    chainId: string;
    /**
     * CometBFT RPC servers used as light-client witnesses for state sync, as
     * `https://host:port`. CometBFT needs at least two.
     */
    rpcServers: readonly string[];
    /** Node home directory. Default `/opt/virtengine`. */
    home?: string;
    /** Blocks between snapshots this node serves to others. Default 1000. */
    snapshotInterval?: number;
    /** Snapshots kept for serving. Default 5. */
    snapshotKeepRecent?: number;
    /** How far behind the latest block the trusted height is taken. Default 1000. */
    trustHeightOffset?: number;
    /** Light-client trust period; must be shorter than the unbonding period. Default 168h. */
    trustPeriod?: string;
}

/**
 * The environment file the node's systemd unit reads. Cosmos SDK binaries map
 * `VIRTENGINE_<SECTION>_<KEY>` variables onto config.toml and app.toml keys,
 * so the image's default config stays untouched and every override is here.
 */
export function renderNodeEnvironment(opts: FullNodeBootstrapOptions): Record<string, string> {
    if (opts.rpcServers.length < 2) {
        throw new Error("renderNodeEnvironment: state sync needs at least two RPC servers");
    }
    return {
        VIRTENGINE_HOME: opts.home ?? "/opt/virtengine",
        VIRTENGINE_CHAIN_ID: opts.chainId,
        // CometBFT binds RPC to 127.0.0.1 by default; the load balancers need it on every interface.
        VIRTENGINE_RPC_LADDR: `tcp://0.0.0.0:${PORTS.rpc}`,
        VIRTENGINE_P2P_LADDR: `tcp://0.0.0.0:${PORTS.p2p}`,
        VIRTENGINE_INSTRUMENTATION_PROMETHEUS: "true",
        VIRTENGINE_INSTRUMENTATION_PROMETHEUS_LISTEN_ADDR: `:${PORTS.metrics}`,
        VIRTENGINE_API_ENABLE: "true",
        VIRTENGINE_API_ADDRESS: `tcp://0.0.0.0:${PORTS.rest}`,
        VIRTENGINE_GRPC_ENABLE: "true",
        VIRTENGINE_GRPC_ADDRESS: `0.0.0.0:${PORTS.grpc}`,
        VIRTENGINE_STATESYNC_ENABLE: "true",
        VIRTENGINE_STATESYNC_RPC_SERVERS: opts.rpcServers.join(","),
        VIRTENGINE_STATESYNC_TRUST_PERIOD: opts.trustPeriod ?? "168h0m0s",
        VIRTENGINE_STATE_SYNC_SNAPSHOT_INTERVAL: String(opts.snapshotInterval ?? 1000),
        VIRTENGINE_STATE_SYNC_SNAPSHOT_KEEP_RECENT: String(opts.snapshotKeepRecent ?? 5),
    };
}

/**
 * Cloud-init user data for a full node: writes the environment file, picks a
 * trusted height and hash from the first RPC server at first boot (the latest
 * height minus an offset, as the scaling guide's runbook does), and starts
 * the node. It carries no secret: full nodes hold no keys.
 */
export function renderFullNodeUserData(opts: FullNodeBootstrapOptions): string {
    const env = renderNodeEnvironment(opts);
    const trustRpc = opts.rpcServers[0];
    const lines = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    return [
        "#!/bin/bash",
        "# VirtEngine full node bootstrap (rendered by Pulumi; do not edit on the host)",
        "set -euo pipefail",
        "install -d -m 0755 /etc/virtengine",
        "cat > /etc/virtengine/node.env <<'ENV'",
        ...lines,
        "ENV",
        "",
        "# State sync needs a recent trusted block at a snapshot height: ask the first RPC server once, at first boot.",
        "if ! grep -q '^VIRTENGINE_STATESYNC_TRUST_HEIGHT=' /etc/virtengine/node.env; then",
        `  latest=$(curl -fsS --retry 10 --retry-delay 6 '${trustRpc}/block' | jq -r '.result.block.header.height')`,
        `  ${trustHeightAssignment(opts)}`,
        `  trust_hash=$(curl -fsS --retry 10 --retry-delay 6 "${trustRpc}/block?height=$trust_height" | jq -r '.result.block_id.hash')`,
        '  echo "VIRTENGINE_STATESYNC_TRUST_HEIGHT=$trust_height" >> /etc/virtengine/node.env',
        '  echo "VIRTENGINE_STATESYNC_TRUST_HASH=$trust_hash" >> /etc/virtengine/node.env',
        "fi",
        "",
        "# The image ships virtengine.service; point it at the environment file.",
        "install -d -m 0755 /etc/systemd/system/virtengine.service.d",
        "printf '[Service]\\nEnvironmentFile=/etc/virtengine/node.env\\n' > /etc/systemd/system/virtengine.service.d/10-env.conf",
        "systemctl daemon-reload",
        "systemctl enable --now virtengine.service",
        "",
    ].join("\n");
}

/**
 * The bash line that sets `trust_height` from `latest`: at least the offset
 * behind the tip, rounded down to a multiple of the snapshot interval, so
 * the trusted block is one every node took a snapshot at ("latest minus
 * 1000" alone can fall between snapshots and time out, cometbft#742).
 */
export function trustHeightAssignment(opts: FullNodeBootstrapOptions): string {
    const offset = opts.trustHeightOffset ?? 1000;
    const interval = opts.snapshotInterval ?? 1000;
    return `trust_height=$(( (latest - ${offset}) / ${interval} * ${interval} ))`;
}

/**
 * State-sync witnesses for a region's full nodes: the regional RPC names of
 * the other regions (`https://<region>.rpc.<domain>:443`), so a node never
 * trusts only its own region; the global `rpc.<domain>` fills in when there
 * are fewer than two other regions, since CometBFT needs two.
 */
export function stateSyncRpcServers(region: string, allRegions: readonly string[], domain: string): string[] {
    const servers = allRegions.filter((r) => r !== region).map((r) => `https://${r}.rpc.${domain}:443`);
    if (servers.length < 2) {
        servers.push(`https://rpc.${domain}:443`);
    }
    if (servers.length < 2) {
        servers.push(`https://${region}.rpc.${domain}:443`);
    }
    return servers;
}
