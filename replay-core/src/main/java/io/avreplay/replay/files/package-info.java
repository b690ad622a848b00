/** File-system helpers shared by the writers, exporters, importers and benchmarks. */
package io.avreplay.replay.files;
