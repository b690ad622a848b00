/**
 * The testbed synthesizer: turns a {@link io.avreplay.scenario.synth.Preset} (data: road layout,
 * traffic, pedestrians, events, environment) and a seed into a complete log v1 with lidar, camera,
 * ego poses and exact 3D/2D ground truth. Entry points: {@link io.avreplay.scenario.synth.Presets#load},
 * {@link io.avreplay.scenario.synth.Synthesizer#generate} and
 * {@link io.avreplay.scenario.synth.SynthBenchmark#run}.
 *
 * <p>Everything is a pure function of (preset, seed, options, tool version): random numbers come from
 * counter-based hashes, parallel work writes into slots fixed in advance, so output bytes never depend
 * on the wall clock or on thread scheduling.
 */
package io.avreplay.scenario.synth;
