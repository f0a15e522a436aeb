/*
 * Target tracking of the full-node group, from the documents' capacity
 * thresholds ("Capacity Planning Thresholds", scaling guide): scale at
 * 100 RPC requests per second per instance and at 70% CPU. Pure.
 */

/** The documents' scale trigger for RPC load, per instance. */
export const RPC_REQUESTS_PER_SECOND = 100;
/** The documents' scale trigger for CPU utilisation, percent. */
export const CPU_PERCENT = 70;

/**
 * `ALBRequestCountPerTarget` is a count per minute, so the per-second
 * trigger becomes a per-minute target.
 */
export const REQUESTS_PER_TARGET_PER_MINUTE = RPC_REQUESTS_PER_SECOND * 60;

/**
 * Seconds before a new node's metrics count: state sync and catching up
 * take minutes (the group's health-check grace period is 900 s).
 */
export const INSTANCE_WARMUP_SECONDS = 900;
