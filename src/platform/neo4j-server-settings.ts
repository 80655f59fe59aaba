/**
 * Server settings every Neo4j this project starts carries (the managed instance's neo4j.conf, the Docker image's
 * environment in docker-compose.yml and the testcontainers path), so the three stay one list.
 *
 * `internal.cypher.use_parameter_size`: by default Neo4j 5 keys its plan cache on the size of every string and list
 * parameter (its order of magnitude), so an id of 9 characters and one of 10, or a fact citing one source and one
 * citing two, each planned the same statement afresh: 1-2.5 s for a record statement on an idle machine, 4-16 s under
 * load at 100k companies. Our statements do not need the hint (their lists are a fact's few parties and sources), so
 * one plan per statement text is kept (docs/operations.md, "Plan cache").
 */
export const NEO4J_SERVER_SETTINGS: Readonly<Record<string, string>> = {
  'internal.cypher.use_parameter_size': 'false',
};

/** The official Docker image's environment name for a setting: dots become `_`, underscores `__`, after `NEO4J_`. */
export function dockerEnvironmentName(setting: string): string {
  return `NEO4J_${setting.replace(/_/g, '__').replace(/\./g, '_')}`;
}

/** The settings as the Docker image's environment. */
export function dockerEnvironment(): Record<string, string> {
  return Object.fromEntries(Object.entries(NEO4J_SERVER_SETTINGS).map(([setting, value]) => [dockerEnvironmentName(setting), value]));
}
