/**
 * Test-only classes that break each dependency rule on purpose, so {@code DependencyRulesTest} proves
 * its rules fail on a violation. Never part of the production classes the rules check.
 */
package io.avreplay.replay.archfixture;
