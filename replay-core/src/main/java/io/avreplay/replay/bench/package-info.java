/**
 * Benchmarks of the log I/O path, run by {@code avreplay bench}. Each reports its result as a ratio
 * against a physical baseline measured in the same run (raw sequential file reads), never as an
 * absolute time alone.
 */
package io.avreplay.replay.bench;
