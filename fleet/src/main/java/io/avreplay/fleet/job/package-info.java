/**
 * Fleet jobs on Apache Spark: thin drivers over the library's per-log code. Logs are distributed one per
 * task; each task runs the one-log adapter ({@link io.avreplay.fleet.job.LogJob}), which returns the log's
 * mergeable metric data or its one-line failure; the driver combines the outcomes with a tree aggregation
 * keyed by log ordinal (a retried task cannot count twice), merges the metric data in log order and
 * scores them exactly as the single-machine command does. Locations are local paths or URIs of any Hadoop
 * file system ({@link io.avreplay.fleet.job.FleetPaths}); outputs are committed per job
 * ({@code JobOutput}: {@link io.avreplay.replay.files.OutputPublisher} when local, a {@code FileSystem}
 * rename otherwise). Spark and Hadoop types stay in this module.
 */
package io.avreplay.fleet.job;
