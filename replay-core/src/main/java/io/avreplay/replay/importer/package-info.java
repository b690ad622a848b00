/**
 * What every dataset importer shares: the options an import runs with, the progress callback, the
 * report of what was written and verified, and readers for the raw file kinds several datasets use
 * (flat float32 point files, image headers). The dataset-specific importers live in the sub-packages
 * {@code kitti}, {@code av2} and {@code nuscenes}; each writes logs through
 * {@link io.avreplay.replay.arrow.LogWriter}, so an import that fails or is interrupted leaves no log.
 *
 * <p>Importers never write wall-clock values: importing the same source twice gives byte-identical
 * files.
 */
package io.avreplay.replay.importer;
