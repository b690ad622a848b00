/**
 * The callback through which long library work (synthesis, export, training, detection over logs)
 * reports how far it is, so the CLI can draw one kind of progress bar for all of it. Libraries only
 * count; drawing (and deciding whether to) is the CLI's business.
 */
package io.avreplay.replay.progress;
