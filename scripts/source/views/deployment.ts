/** Typed view of an EmbeddedServiceConfig (the deployment): its channel and pre-chat forms. */
import { child, children, textOf, type XmlNode } from '../../xml/read';
import type { ParsedFile, SourceProject } from '../project';
import { lineOf, textAt, type At } from './at';

type Parsed = ParsedFile;

export interface FormFieldView {
  formField: string;
  hidden: boolean;
  required: boolean;
  parameterType: string;
  line: number;
}

export interface DeploymentView {
  file: Parsed;
  channel?: At<string>;
  forms: FormView[];
}

export interface FormView {
  /** displayContext (e.g. PreChat), '' when absent. */
  context: string;
  active: boolean;
  activeLine: number;
  line: number;
  fields: FormFieldView[];
}

const memo = new WeakMap<XmlNode, DeploymentView>();
export function deploymentView(file: Parsed): DeploymentView {
  const hit = memo.get(file.xml);
  if (hit) return hit;
  const x = file.xml;
  const mc = child(x, 'embeddedServiceMessagingChannel');
  const view: DeploymentView = {
    file,
    channel: mc ? textAt(mc, 'messagingChannel') : undefined,
    forms: children(x, 'embeddedServiceForms').map((f) => ({
      context: textOf(f, 'displayContext') ?? '',
      active: textOf(f, 'isActive') === 'true',
      activeLine: lineOf(child(f, 'isActive'), f),
      line: f.line,
      fields: children(f, 'embeddedServiceFormFields').map((ff) => ({
        formField: textOf(ff, 'formField') ?? '',
        hidden: textOf(ff, 'isHidden') === 'true',
        required: textOf(ff, 'isRequired') === 'true',
        parameterType: textOf(ff, 'messagingChannelParameterType') ?? '',
        line: ff.line
      }))
    }))
  };
  memo.set(file.xml, view);
  return view;
}

/** The deployments whose messaging channel is this channel. */
export function deploymentsOf(project: SourceProject, channel: string): DeploymentView[] {
  return project
    .ofType('EmbeddedServiceConfig')
    .map(deploymentView)
    .filter((d) => d.channel?.value === channel);
}
