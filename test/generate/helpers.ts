/**
 * Shared test helpers for the metadata generators: the example model, small edge-case models built
 * from a minimal config, and parsed access to one generated file.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { HandoffConfig } from '../../scripts/config/types';
import type { GeneratedFile, Generator } from '../../scripts/generate/types';
import type { HandoffModel } from '../../scripts/model/types';
import { resolveModel } from '../../scripts/model/resolve';
import { child, children, parseXml, textOf, type XmlNode } from '../../scripts/xml/read';

export const ROOT = path.resolve(__dirname, '../..');

export function exampleConfig(): HandoffConfig {
  return JSON.parse(readFileSync(path.join(ROOT, 'handoff.config.json'), 'utf8')) as HandoffConfig;
}

export function exampleModel(): HandoffModel {
  return resolveModel(exampleConfig());
}

/** The smallest valid config, with overrides: the base for edge cases. */
export function minimalConfig(overrides: Partial<HandoffConfig> = {}): HandoffConfig {
  return {
    channel: { developerName: 'Edge_Channel' },
    deployment: { developerName: 'Edge_Deployment' },
    attributes: [{ key: 'plan' }],
    queues: [{ developerName: 'Edge_Queue' }],
    routing: { defaultQueue: 'Edge_Queue' },
    fallback: { queue: 'Edge_Queue', whenNoAgent: 'wait' },
    ...overrides
  };
}

export function modelOf(overrides: Partial<HandoffConfig> = {}): HandoffModel {
  return resolveModel(minimalConfig(overrides));
}

/** The one file at `filePath` a generator wrote, parsed; fails the test when it is missing. */
export function parsedFile(files: GeneratedFile[], filePath: string): XmlNode {
  const f = files.find((x) => x.path === filePath);
  if (!f) throw new Error(`no generated file ${filePath}; got:\n${files.map((x) => x.path).join('\n')}`);
  return parseXml(f.content);
}

export function run(generate: Generator, model: HandoffModel): GeneratedFile[] {
  return generate(model);
}

/** Names of the element's children, in order. */
export function childNames(node: XmlNode): string[] {
  return node.children.map((c) => c.name);
}

export { child, children, textOf };
