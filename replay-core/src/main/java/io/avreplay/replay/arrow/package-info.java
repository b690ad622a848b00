/**
 * The Arrow encoding of log format v1 ({@code docs/log-format.md}): schemas, the streaming
 * {@link io.avreplay.replay.arrow.LogWriter} and the random-access {@link io.avreplay.replay.arrow.LogReader}.
 * Arrow vectors never leave this package: readers decode each record batch into the plain records of
 * {@code io.avreplay.replay.log} before returning.
 */
package io.avreplay.replay.arrow;
