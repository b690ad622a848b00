/**
 * Scenario mining: rules as data ({@link io.avreplay.scenario.mining.RuleSet}, read by
 * {@link io.avreplay.scenario.mining.RuleReader}) composed from parameterised predicates
 * ({@link io.avreplay.scenario.mining.Predicate}) evaluated on each annotated timestamp's ground truth
 * and the ego motion; {@link io.avreplay.scenario.mining.Miner} turns the timestamps where a rule holds
 * into windows with pre- and post-roll, merged when they overlap, ready to be written as scenarios.
 */
package io.avreplay.scenario.mining;
