/**
 * The public face of perception: the {@link io.avreplay.perception.api.Detector} interface (a synced
 * frame set in, plain detection records out), the detection records, the model card, and
 * {@link io.avreplay.perception.api.Detectors}, the entry point that loads the default or a saved model.
 * No DL4J or ND4J type appears here.
 */
package io.avreplay.perception.api;
