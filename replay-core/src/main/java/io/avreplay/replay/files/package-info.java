/**
 * Publishing outputs safely and deleting file trees: {@link io.avreplay.replay.files.OutputPublisher} is the
 * one component every writing command goes through (temporary sibling, rename into place, {@code --overwrite}
 * only over an earlier output of the same {@link io.avreplay.replay.files.OutputKind}, abandoned temporaries
 * removed); {@link io.avreplay.replay.files.FileTrees} deletes trees.
 */
package io.avreplay.replay.files;
