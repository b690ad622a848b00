/**
 * The external-process backend ({@code backend: exec}): {@link io.avreplay.perception.exec.ExecDetector}
 * starts the card's command and exchanges Arrow IPC streams with it; {@code DetectorProtocol} holds the
 * request and answer schemas (docs/detector-protocol.md) and the one conversion from answers to detection
 * records.
 */
package io.avreplay.perception.exec;
