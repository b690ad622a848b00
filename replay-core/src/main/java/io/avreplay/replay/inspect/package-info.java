/**
 * Looking at a log as a whole: {@link io.avreplay.replay.inspect.LogSummary} (what {@code avreplay info}
 * shows) and {@link io.avreplay.replay.inspect.LogValidator} (what {@code avreplay validate} checks).
 */
package io.avreplay.replay.inspect;
