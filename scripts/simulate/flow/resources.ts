/** Flow resources compiled: variables (with their initial value) and constants, text templates, formulas. */
import { child, textOf, type XmlNode } from '../../xml/read';
import type { FlowResource, FlowVariable } from './model';
import { bool, compileValue } from './values';

export function compileVariable(n: XmlNode, name: string): FlowVariable {
  const v = child(n, 'value');
  return {
    name,
    dataType: textOf(n, 'dataType') ?? 'String',
    isCollection: bool(n, 'isCollection'),
    isInput: bool(n, 'isInput'),
    isOutput: bool(n, 'isOutput'),
    objectType: textOf(n, 'objectType'),
    initial: v ? compileValue(v) : undefined,
    line: n.line
  };
}

type ResourceCompiler = (n: XmlNode, name: string) => FlowResource;

/** The resource kinds the interpreter evaluates, by XML element name. */
export const RESOURCE_COMPILERS: Record<string, ResourceCompiler> = {
  constants: (n, name) => ({
    name,
    kind: 'constant',
    dataType: textOf(n, 'dataType'),
    value: compileValue(child(n, 'value')),
    line: n.line
  }),
  textTemplates: (n, name) => ({ name, kind: 'textTemplate', text: child(n, 'text')?.text ?? '', line: n.line }),
  formulas: (n, name) => ({
    name,
    kind: 'formula',
    dataType: textOf(n, 'dataType'),
    expression: child(n, 'expression')?.text ?? '',
    line: n.line
  })
};
