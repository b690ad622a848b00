/**
 * The scenario catalogue: scenario YAML files ({@link io.avreplay.scenario.catalog.Scenario}) read and
 * validated by {@link io.avreplay.scenario.catalog.CatalogReader}, log references resolved safely under a
 * log root or generated from synthesizer recipes ({@link io.avreplay.scenario.catalog.LogRoot},
 * {@link io.avreplay.scenario.catalog.RecipeGenerator}) and opened once per pass over the scenarios
 * ({@link io.avreplay.scenario.catalog.ScenarioLogs}), and coverage statistics
 * ({@link io.avreplay.scenario.catalog.Coverage}).
 */
package io.avreplay.scenario.catalog;
