/**
 * The chain-state backup job the snapshotter runs (see snapshotter-node.ts).
 *
 * A Cosmos SDK node's data directory is only consistent while the node is
 * stopped (tarring a live directory corrupts it; `export` needs a stopped
 * node), so the job stops its own node, which serves nobody: the snapshotter
 * sits outside every target group. It refuses to back up a node that is
 * catching up or behind the other regions, since an old or forked state is
 * worse than none, and it never archives `priv_validator_state.json` or
 * anything outside `data/` (keys live in `config/`).
 *
 * Every setting comes from the environment file the user data writes, so the
 * script text is the same in every region and is tested once (tests/snapshotter).
 */

/** Where the job's files live on the host; the units and the SSM document use the same paths. */
export const SNAPSHOT_PATHS = {
    script: "/usr/local/bin/virtengine-snapshot",
    environment: "/etc/virtengine/snapshot.env",
    service: "virtengine-snapshot.service",
    timer: "virtengine-snapshot.timer",
    /** Remembers the last success (for the staleness metric) and the last daily upload. */
    stateDir: "/var/lib/virtengine-snapshot",
} as const;

/** CloudWatch namespace and metric names the job writes and the alarms read. */
export const SNAPSHOT_METRICS = {
    namespace: "VirtEngine/ChainStateBackup",
    /** Seconds since the last successful upload; written on every run, skipped or not. */
    ageSeconds: "SecondsSinceLastSuccess",
    /** 1 when a run skipped the backup (node catching up or behind the other regions). */
    skipped: "Skipped",
} as const;

/** Object key prefixes per retention tier; the bucket's lifecycle rules expire each tier on its own schedule. */
export const BACKUP_TIERS = {
    /** Every run's archive, kept 2 days. */
    frequent: "chain-state/4h/",
    /** The first successful run of each UTC day, kept 90 days. */
    daily: "chain-state/daily/",
} as const;

/** Settings of one region's job, written into its environment file. */
export interface SnapshotJobSettings {
    chainId: string;
    /** Node home directory; the archive holds its `data/` only. */
    home: string;
    /** The region's backup bucket (the job writes to its own region). */
    bucket: string;
    /** AWS region of the bucket (the region's own when it has one, else the primary's). */
    bucketRegion: string;
    /** The snapshotter's own region: its KMS signing key and its metrics live there. */
    nodeRegion: string;
    /** KMS asymmetric signing key (ECC_NIST_P256) that signs each manifest. */
    signingKeyId: string;
    /** The local node's CometBFT RPC. */
    localRpc: string;
    /** Other regions' RPC endpoints, to compare heights with. */
    peerRpcs: readonly string[];
    /** Largest lag behind the highest peer at which a backup is still taken, in blocks. */
    maxLagBlocks: number;
}

/** The environment file's lines (no secrets: ids and names only). */
export function renderSnapshotEnvironment(s: SnapshotJobSettings): Record<string, string> {
    if (s.peerRpcs.length === 0) {
        throw new Error("renderSnapshotEnvironment: at least one other region's RPC is needed to check the height");
    }
    return {
        CHAIN_ID: s.chainId,
        NODE_HOME: s.home,
        BACKUP_BUCKET: s.bucket,
        BUCKET_REGION: s.bucketRegion,
        NODE_REGION: s.nodeRegion,
        SIGNING_KEY_ID: s.signingKeyId,
        LOCAL_RPC: s.localRpc,
        PEER_RPCS: s.peerRpcs.join(","),
        MAX_LAG_BLOCKS: String(s.maxLagBlocks),
        NODE_SERVICE: "virtengine.service",
        STATE_DIR: SNAPSHOT_PATHS.stateDir,
        WORK_DIR: "/var/tmp/virtengine-snapshot",
        METRIC_NAMESPACE: SNAPSHOT_METRICS.namespace,
        FREQUENT_PREFIX: BACKUP_TIERS.frequent,
        DAILY_PREFIX: BACKUP_TIERS.daily,
    };
}

/**
 * The job itself, in bash. Decisions, in order: skip (exit 0, metric
 * "Skipped") when the node is catching up, no other region answers, or the
 * node is more than MAX_LAG_BLOCKS behind the highest; otherwise stop the
 * node, archive `data/` without the signing state, start the node again
 * (also on any failure, through the EXIT trap), hash, write and sign the
 * manifest, upload the archive and then the manifest and signature (a
 * manifest is only ever published next to a complete archive), and record
 * the success.
 */
export function renderBackupScript(): string {
    const { ageSeconds, skipped } = SNAPSHOT_METRICS;
    return `#!/bin/bash
# VirtEngine chain-state backup (rendered by Pulumi; do not edit on the host).
set -euo pipefail
: "\${CHAIN_ID:?}" "\${NODE_HOME:?}" "\${BACKUP_BUCKET:?}" "\${BUCKET_REGION:?}" "\${NODE_REGION:?}" "\${SIGNING_KEY_ID:?}"
: "\${LOCAL_RPC:?}" "\${PEER_RPCS:?}" "\${MAX_LAG_BLOCKS:?}" "\${NODE_SERVICE:?}" "\${STATE_DIR:?}" "\${WORK_DIR:?}"
: "\${METRIC_NAMESPACE:?}" "\${FREQUENT_PREFIX:?}" "\${DAILY_PREFIX:?}"

log() { echo "virtengine-snapshot: $*" >&2; }
now() { date -u +%s; }

metric() { # name value unit
  aws cloudwatch put-metric-data --region "$NODE_REGION" --namespace "$METRIC_NAMESPACE" --metric-name "$1" \\
    --dimensions "ChainId=$CHAIN_ID,Region=$NODE_REGION" --value "$2" --unit "$3" || log "could not write metric $1"
}

record_age() {
  local last=0
  [ -f "$STATE_DIR/last-success" ] && last=$(cat "$STATE_DIR/last-success")
  if [ "$last" -gt 0 ]; then
    metric ${ageSeconds} "$(( $(now) - last ))" Seconds
  fi
}

skip() {
  log "skipped: $*"
  metric ${skipped} 1 Count
  record_age
  exit 0
}

mkdir -p "$STATE_DIR" "$WORK_DIR"

# 1. Only an in-sync node near the other regions' height is worth keeping.
status=$(curl -fsS --max-time 10 "$LOCAL_RPC/status") || skip "local node does not answer"
catching_up=$(jq -r '.result.sync_info.catching_up' <<<"$status")
height=$(jq -r '.result.sync_info.latest_block_height' <<<"$status")
[ "$catching_up" = "false" ] || skip "local node is catching up"
best=0
IFS=',' read -r -a peers <<<"$PEER_RPCS"
for peer in "\${peers[@]}"; do
  h=$(curl -fsS --max-time 10 "$peer/status" | jq -r '.result.sync_info.latest_block_height') || continue
  [[ "$h" =~ ^[0-9]+$ ]] || continue
  [ "$h" -gt "$best" ] && best=$h
done
[ "$best" -gt 0 ] || skip "no other region answered; cannot tell whether height $height is current"
lag=$(( best - height ))
[ "$lag" -le "$MAX_LAG_BLOCKS" ] || skip "height $height is $lag blocks behind the other regions (allowed $MAX_LAG_BLOCKS)"

block=$(curl -fsS --max-time 10 "$LOCAL_RPC/block?height=$height")
block_hash=$(jq -r '.result.block_id.hash' <<<"$block")
app_hash=$(jq -r '.result.block.header.app_hash' <<<"$block")
version=$(virtengine version 2>&1 | head -n1)

# 2. Archive a stopped node; whatever happens next, start it again.
archive="$WORK_DIR/$CHAIN_ID-$height.tar.gz"
manifest="$WORK_DIR/$CHAIN_ID-$height.manifest.json"
cleanup() {
  systemctl start "$NODE_SERVICE" || log "could not start $NODE_SERVICE"
  rm -f "$archive" "$manifest" "$manifest.sig"
}
trap cleanup EXIT
systemctl stop "$NODE_SERVICE"
tar -C "$NODE_HOME" --exclude='data/priv_validator_state.json' --exclude='*.key' --exclude='*key*.json' \\
  -czf "$archive" data
systemctl start "$NODE_SERVICE"

# 3. Manifest, signed with the region's KMS key.
sha=$(sha256sum "$archive" | cut -d' ' -f1)
size=$(stat -c %s "$archive")
jq -n --arg chain "$CHAIN_ID" --argjson height "$height" --arg block "$block_hash" --arg app "$app_hash" \\
  --arg version "$version" --argjson size "$size" --arg sha "$sha" --arg at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \\
  '{chain_id: $chain, height: $height, block_hash: $block, app_hash: $app, binary_version: $version,
    size_bytes: $size, sha256: $sha, created_at: $at, excludes: ["data/priv_validator_state.json", "config/"]}' \\
  >"$manifest"
aws kms sign --region "$NODE_REGION" --key-id "$SIGNING_KEY_ID" --message "fileb://$manifest" --message-type RAW \\
  --signing-algorithm ECDSA_SHA_256 --output text --query Signature >"$manifest.sig"

# 4. Upload under height-based keys: the archive first, then manifest and signature.
today=$(date -u +%Y-%m-%d)
prefix=$FREQUENT_PREFIX
if [ "$(cat "$STATE_DIR/last-daily" 2>/dev/null || true)" != "$today" ]; then prefix=$DAILY_PREFIX; fi
key="$prefix$CHAIN_ID/$(printf '%012d' "$height")/$NODE_REGION"
aws s3 cp --region "$BUCKET_REGION" --only-show-errors "$archive" "s3://$BACKUP_BUCKET/$key/data.tar.gz"
aws s3 cp --region "$BUCKET_REGION" --only-show-errors "$manifest" "s3://$BACKUP_BUCKET/$key/manifest.json"
aws s3 cp --region "$BUCKET_REGION" --only-show-errors "$manifest.sig" "s3://$BACKUP_BUCKET/$key/manifest.json.sig"

# 5. Record the success.
[ "$prefix" = "$DAILY_PREFIX" ] && echo "$today" >"$STATE_DIR/last-daily"
now >"$STATE_DIR/last-success"
metric ${ageSeconds} 0 Seconds
log "uploaded s3://$BACKUP_BUCKET/$key (height $height, $size bytes)"
`;
}
