/**
 * Flow XML (source format, `<Flow>` root) → CompiledFlow. Reads the file itself, not the config, so
 * hand edits and generator bugs are simulated as they would deploy. Structural mistakes (a connector
 * to nowhere, bad condition logic, a name used twice) are reported here with the line. The jobs are
 * split: values.ts compiles values, nodes.ts one compiler per element kind, resources.ts the
 * resources, connectors.ts the connector check; this module walks the elements and names them.
 */
import { isFlowNodeKind } from '../../platform/flowElements';
import { UserError } from '../../project/errors';
import { parseXml, textOf, XmlSyntaxError, type XmlNode } from '../../xml/read';
import { danglingConnector } from './connectors';
import { LogicSyntaxError, parseLogic } from './logic';
import type { CompiledFlow, FlowNode, FlowResource, FlowValue, FlowVariable } from './model';
import { compileNode } from './nodes';
import { compileVariable, RESOURCE_COMPILERS } from './resources';
import { connectorOf } from './values';

export class FlowLoadError extends UserError {
  constructor(file: string, line: number, message: string, fix = '') {
    super(`${file}:${line}: ${message}${fix ? `. Fix: ${fix}` : ''}`);
    this.name = 'FlowLoadError';
  }
}

/** Parses and compiles flow XML text (`file` names it in messages). */
export function loadFlow(source: string, file: string): CompiledFlow {
  let root: XmlNode;
  try {
    root = parseXml(source);
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new FlowLoadError(file, e.line, `malformed XML: ${e.message}`);
    throw e;
  }
  return compileFlow(root, file);
}

/** Compiles a parsed flow document (`file` names it in messages). */
export function compileFlow(root: XmlNode, file: string): CompiledFlow {
  if (root.local !== 'Flow') throw new FlowLoadError(file, root.line, `the root element is <${root.name}>, not <Flow>`);

  const logicOf = (text: string | undefined, count: number, line: number, where: string) => {
    try {
      return parseLogic(text, count);
    } catch (e) {
      if (e instanceof LogicSyntaxError) throw new FlowLoadError(file, line, `${where}: ${e.message}`);
      throw e;
    }
  };

  const variables = new Map<string, FlowVariable>();
  const resources = new Map<string, FlowResource>();
  const nodes = new Map<string, FlowNode>();
  let start: string | undefined;
  const names = new Map<string, number>();
  const claim = (name: string | undefined, n: XmlNode): string => {
    if (!name) throw new FlowLoadError(file, n.line, `<${n.name}> has no <name>`);
    const key = name.toLowerCase(); // flow element names are case-insensitive and share one namespace
    const prev = names.get(key);
    if (prev !== undefined)
      throw new FlowLoadError(file, n.line, `the name "${name}" is used twice (also on line ${prev})`);
    names.set(key, n.line);
    return name;
  };

  for (const n of root.children) {
    const tag = n.local;
    if (tag === 'start') {
      start = connectorOf(n, 'connector');
      continue;
    }
    if (tag === 'startElementReference') {
      start = n.text.trim();
      continue;
    }
    if (tag === 'variables') {
      const name = claim(textOf(n, 'name'), n);
      variables.set(name, compileVariable(n, name));
      continue;
    }
    const resource = RESOURCE_COMPILERS[tag];
    if (resource) {
      const name = claim(textOf(n, 'name'), n);
      resources.set(name, resource(n, name));
      continue;
    }
    // Nodes the interpreter does not run are kept as `unsupported` (reported when a run reaches them).
    if (!isFlowNodeKind(tag)) continue; // flow-level settings: label, processType…
    const name = claim(textOf(n, 'name'), n);
    const base = { name, label: textOf(n, 'label') ?? name, tag, line: n.line };
    nodes.set(name, compileNode(n, base, { logicOf, claim }));
  }

  const dangling = danglingConnector(start, root.line, nodes);
  if (dangling) {
    throw new FlowLoadError(
      file,
      dangling.line,
      `${dangling.from} connects to "${dangling.target}", which is not an element of this flow`,
      'regenerate the flow with `handoff build`'
    );
  }

  const fileBase = file.split(/[\\/]/).pop() ?? file;
  return {
    file,
    apiName: fileBase.replace(/\.flow-meta\.xml$/, ''),
    label: textOf(root, 'label') ?? '',
    processType: textOf(root, 'processType') ?? '',
    start,
    variables,
    resources,
    nodes
  };
}

export type { FlowValue };
