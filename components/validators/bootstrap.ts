import { PORTS } from "../common/ports";

/** What a validator's boot configuration needs. */
export interface ValidatorBootstrapOptions {
    chainId: string;
    /** Node home directory. Default `/opt/virtengine`. */
    home?: string;
    /**
     * CometBFT `consensus.double_sign_check_height`: the node looks back this
     * many blocks for its own signature and refuses to start if it finds one,
     * so a second copy of a validator (a restored volume, a rebuilt instance)
     * stops instead of double-signing. Must be above 0. Default 10.
     */
    doubleSignCheckHeight?: number;
}

/** The validator's node environment: no secret, no state-sync (validators keep their own data volume). */
export function renderValidatorEnvironment(opts: ValidatorBootstrapOptions): Record<string, string> {
    const check = opts.doubleSignCheckHeight ?? 10;
    if (!Number.isInteger(check) || check <= 0) {
        throw new Error(
            `renderValidatorEnvironment: doubleSignCheckHeight must be a whole number above 0, got ${check}`,
        );
    }
    return {
        VIRTENGINE_HOME: opts.home ?? "/opt/virtengine",
        VIRTENGINE_CHAIN_ID: opts.chainId,
        VIRTENGINE_CONSENSUS_DOUBLE_SIGN_CHECK_HEIGHT: String(check),
        VIRTENGINE_P2P_LADDR: `tcp://0.0.0.0:${PORTS.p2p}`,
        // RPC stays on loopback: nothing outside the instance talks to a validator's RPC.
        VIRTENGINE_RPC_LADDR: `tcp://127.0.0.1:${PORTS.rpc}`,
        VIRTENGINE_INSTRUMENTATION_PROMETHEUS: "true",
        VIRTENGINE_INSTRUMENTATION_PROMETHEUS_LISTEN_ADDR: `:${PORTS.metrics}`,
    };
}

/**
 * Cloud-init user data for a validator: writes the environment file and the
 * service drop-in, and does NOT start the node. Keys are installed by an
 * operator over SSM and the node is started by hand (README, "Restoring a
 * validator"): a machine that boots and signs on its own is how a second
 * signer appears. Pulumi ignores later changes to this text (ignoreChanges),
 * so editing it never replaces a validator.
 */
export function renderValidatorUserData(opts: ValidatorBootstrapOptions): string {
    const lines = Object.entries(renderValidatorEnvironment(opts)).map(([k, v]) => `${k}=${v}`);
    return [
        "#!/bin/bash",
        "# VirtEngine validator boot configuration (rendered by Pulumi; no keys, never starts the node)",
        "set -euo pipefail",
        "install -d -m 0755 /etc/virtengine",
        "cat > /etc/virtengine/node.env <<'ENV'",
        ...lines,
        "ENV",
        "install -d -m 0755 /etc/systemd/system/virtengine.service.d",
        "printf '[Service]\\nEnvironmentFile=/etc/virtengine/node.env\\n' > /etc/systemd/system/virtengine.service.d/10-env.conf",
        "systemctl daemon-reload",
        "# Not enabled or started here: an operator starts a validator by hand, after checking no other copy runs.",
        "systemctl disable virtengine.service || true",
        "",
    ].join("\n");
}
