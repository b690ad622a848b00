/**
 * Spinning multi-beam lidar simulation: casts every beam at every azimuth step against a
 * {@link io.avreplay.scenario.synth.world.Scene}, with range noise, dropout, spurious returns and
 * intensity by material. Parallel over azimuth blocks with results placed by block index, so output
 * is independent of thread scheduling.
 */
package io.avreplay.scenario.synth.lidar;
