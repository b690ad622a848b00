/**
 * COCO bbox evaluation with parity to pycocotools 2.0 {@code COCOeval}: reading instances and results
 * files, per-image matching with crowd regions and area ranges, mergeable per-image data, the
 * precision envelope at 101 recall points, the 12 summary statistics and per-category AP, and text and
 * JSON renderers. Entry point: {@link io.avreplay.eval.coco.CocoEvaluator}.
 */
package io.avreplay.eval.coco;
