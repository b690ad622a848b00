/**
 * Safe, located YAML documents: catalogue scenarios and mining rules are read into {@link
 * io.avreplay.scenario.yaml.YamlNode} trees that remember the file, line and field path of every value,
 * so a bad value is reported as {@code file:line: field: message}. Reading enforces a byte-size limit and
 * SnakeYAML's limits against alias expansion ("billion laughs"), deep nesting and huge documents.
 */
package io.avreplay.scenario.yaml;
