/**
 * The one text grammar for lengths of time and points on a log's timeline, shared by every CLI
 * option and every YAML/JSON file (catalogues, mining rules, presets): {@link
 * io.avreplay.replay.time.DurationGrammar}.
 */
package io.avreplay.replay.time;
