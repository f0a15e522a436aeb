import { renderFullNodeUserData, type FullNodeBootstrapOptions } from "../full-nodes/bootstrap";
import {
    renderBackupScript,
    renderSnapshotEnvironment,
    SNAPSHOT_PATHS,
    type SnapshotJobSettings,
} from "./backup-script";

/** How often the job runs and how much it may drift, as systemd reads them. */
export interface SnapshotSchedule {
    /** systemd `OnCalendar`: every 4 hours on the hour. */
    onCalendar: string;
    /** systemd `RandomizedDelaySec`: so four regions do not stop their snapshotters in the same minute. */
    randomizedDelay: string;
    /** Longest a run may take before systemd kills it (archiving and uploading hundreds of GB). */
    timeout: string;
}

export const DEFAULT_SNAPSHOT_SCHEDULE: SnapshotSchedule = {
    onCalendar: "*-*-* 00/4:00:00",
    randomizedDelay: "30min",
    timeout: "3h",
};

/** The oneshot service the timer and the SSM document both start (systemd runs one at a time). */
export function renderSnapshotService(schedule: SnapshotSchedule = DEFAULT_SNAPSHOT_SCHEDULE): string {
    return [
        "[Unit]",
        "Description=VirtEngine chain-state backup (stop, archive, start, sign, upload)",
        "Wants=network-online.target",
        "After=network-online.target virtengine.service",
        "",
        "[Service]",
        "Type=oneshot",
        `EnvironmentFile=${SNAPSHOT_PATHS.environment}`,
        `ExecStart=${SNAPSHOT_PATHS.script}`,
        `TimeoutStartSec=${schedule.timeout}`,
        "Nice=10",
        "IOSchedulingClass=idle",
        "",
    ].join("\n");
}

export function renderSnapshotTimer(schedule: SnapshotSchedule = DEFAULT_SNAPSHOT_SCHEDULE): string {
    return [
        "[Unit]",
        "Description=VirtEngine chain-state backup every 4 hours",
        "",
        "[Timer]",
        `OnCalendar=${schedule.onCalendar}`,
        `RandomizedDelaySec=${schedule.randomizedDelay}`,
        // A run missed while the instance was down happens at boot instead.
        "Persistent=true",
        `Unit=${SNAPSHOT_PATHS.service}`,
        "",
        "[Install]",
        "WantedBy=timers.target",
        "",
    ].join("\n");
}

/** Writes `content` to `path` with a quoted heredoc (no expansion on the host). */
function heredoc(path: string, mode: string, content: string, marker: string): string[] {
    if (content.split("\n").includes(marker)) throw new Error(`heredoc marker ${marker} occurs in ${path}`);
    return [`cat > ${path} <<'${marker}'`, content.replace(/\n$/, ""), marker, `chmod ${mode} ${path}`];
}

/**
 * User data of a snapshotter: the full node's own bootstrap (state sync,
 * environment file, node started), then the backup job, its environment,
 * service and timer. It carries no secret: names and ids only.
 */
export function renderSnapshotterUserData(
    node: FullNodeBootstrapOptions,
    job: SnapshotJobSettings,
    schedule: SnapshotSchedule = DEFAULT_SNAPSHOT_SCHEDULE,
): string {
    const env = Object.entries(renderSnapshotEnvironment(job)).map(([k, v]) => `${k}=${v}`);
    return [
        renderFullNodeUserData(node).replace(/\n$/, ""),
        "",
        "# Chain-state backup job: script, settings, a oneshot service and its 4-hourly timer.",
        `install -d -m 0700 ${SNAPSHOT_PATHS.stateDir}`,
        ...heredoc(SNAPSHOT_PATHS.script, "0755", renderBackupScript(), "SCRIPT"),
        ...heredoc(SNAPSHOT_PATHS.environment, "0644", env.join("\n"), "ENV"),
        ...heredoc(`/etc/systemd/system/${SNAPSHOT_PATHS.service}`, "0644", renderSnapshotService(schedule), "UNIT"),
        ...heredoc(`/etc/systemd/system/${SNAPSHOT_PATHS.timer}`, "0644", renderSnapshotTimer(schedule), "UNIT"),
        "systemctl daemon-reload",
        `systemctl enable --now ${SNAPSHOT_PATHS.timer}`,
        "",
    ].join("\n");
}
