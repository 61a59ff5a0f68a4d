/** Typed view of a MessagingChannel: its custom and standard parameters and session handler, memoised per file. */
import { child, children, textOf, type XmlNode } from '../../xml/read';
import type { ParsedFile } from '../project';
import { lineOf, textAt, type At } from './at';

type Parsed = ParsedFile;

export interface ChannelParameter {
  name: string;
  externalName: string;
  maxLength?: number;
  /** parameterDataType, when the file sets it. */
  dataType?: string;
  mappings: At<string>[];
  line: number;
}

export interface ChannelView {
  file: Parsed;
  name: string;
  custom: ChannelParameter[];
  standard: { type: string; mappings: At<string>[]; line: number }[];
  handlerType?: At<string>;
  handlerFlow?: At<string>;
  handlerQueue?: At<string>;
}

const channelMemo = new WeakMap<XmlNode, ChannelView>();
export function channelView(file: Parsed): ChannelView {
  const hit = channelMemo.get(file.xml);
  if (hit) return hit;
  const x = file.xml;
  const mappingsOf = (p: XmlNode): At<string>[] =>
    children(p, 'actionParameterMappings').map((m) => ({
      value: textOf(m, 'actionParameterName') ?? '',
      line: lineOf(child(m, 'actionParameterName'), m)
    }));
  const view: ChannelView = {
    file,
    name: file.name,
    custom: children(x, 'customParameters').map((p) => {
      const max = textOf(p, 'maxLength');
      return {
        name: textOf(p, 'name') ?? '',
        externalName: textOf(p, 'externalParameterName') ?? '',
        maxLength: max !== undefined && /^[0-9]+$/.test(max) ? Number(max) : undefined,
        dataType: textOf(p, 'parameterDataType'),
        mappings: mappingsOf(p),
        line: p.line
      };
    }),
    standard: children(x, 'standardParameters').map((p) => ({
      type: textOf(p, 'parameterType') ?? '',
      mappings: mappingsOf(p),
      line: p.line
    })),
    handlerType: textAt(x, 'sessionHandlerType'),
    handlerFlow: textAt(x, 'sessionHandlerFlow'),
    handlerQueue: textAt(x, 'sessionHandlerQueue')
  };
  channelMemo.set(file.xml, view);
  return view;
}
