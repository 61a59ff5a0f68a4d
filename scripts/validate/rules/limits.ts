/** Platform limits: field lengths hold each parameter's maxLength; API names obey the naming rules. */
import { textOf } from '../../xml/read';
import { MAX_API_NAME } from '../../naming/naming';
import { channelView, fieldFile, flowView, messagingSessionWrites } from '../../source';
import type { Rule } from '../types';
import { FIXED_FIELD_LENGTH, fieldLength } from '../../platform/fieldLengths';

/** Developer names of components: letters, digits and single underscores, starting with a letter. */
const API_NAME = /^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/;
const MAX_DEVELOPER_NAME = 80;

/** The characters the field file holds (model/fieldLengths.ts, the generator's own table). */
function declaredLength(type: string | undefined, length: string | undefined): number | undefined {
  if (type && FIXED_FIELD_LENGTH[type] !== undefined) return fieldLength(type);
  return length && /^[0-9]+$/.test(length) ? Number(length) : undefined;
}

export const rules: Rule[] = [
  {
    id: 'limits/parameter-max-length',
    description: "The MessagingSession field a parameter lands in holds the parameter's maxLength.",
    fix: "Lower the parameter's maxLength to the field length, or lengthen the field (attribute length/maxLength in handoff.config.json).",
    check({ project, report }) {
      for (const f of project.ofType('MessagingChannel')) {
        const ch = channelView(f);
        const flowFile = ch.handlerFlow ? project.find('Flow', ch.handlerFlow.value) : undefined;
        if (!flowFile) continue;
        // Writes by the variable they write, once a flow: a filter over all writes per parameter
        // made this rule quadratic in the attributes (issue 15).
        const writesByVariable = new Map<string, ReturnType<typeof messagingSessionWrites>>();
        for (const w of messagingSessionWrites(flowView(flowFile))) {
          const list = writesByVariable.get(w.variable) ?? [];
          list.push(w);
          writesByVariable.set(w.variable, list);
        }
        for (const p of ch.custom) {
          if (p.maxLength === undefined) continue;
          const vars = new Set(p.mappings.map((m) => m.value));
          for (const w of [...vars].flatMap((v) => writesByVariable.get(v) ?? [])) {
            const field = fieldFile(project, 'MessagingSession', w.field);
            if (!field) continue;
            const len = declaredLength(textOf(field.xml, 'type'), textOf(field.xml, 'length'));
            if (len !== undefined && len < p.maxLength) {
              report(
                { file: f.path, line: p.line },
                `Parameter "${p.name}" takes up to ${p.maxLength} characters but MessagingSession.${w.field} holds ${len}: longer values fail the flow's update`
              );
            }
          }
        }
      }
    }
  },
  {
    id: 'limits/api-name',
    description: `API names obey the platform: letters, digits, single underscores, a letter first; parameters and custom fields at most ${MAX_API_NAME} characters, components at most ${MAX_DEVELOPER_NAME}.`,
    fix: 'Rename within the limits (handoff.config.json attribute "name" overrides a derived name).',
    check({ project, report }) {
      const bad = (name: string, max: number): string | undefined =>
        name.length > max
          ? `is ${name.length} characters (limit ${max})`
          : API_NAME.test(name)
            ? undefined
            : 'has characters or underscores an API name cannot have';
      for (const f of project.ofType('MessagingChannel')) {
        for (const p of channelView(f).custom) {
          const why = bad(p.name, MAX_API_NAME);
          if (why) report({ file: f.path, line: p.line }, `Channel parameter name "${p.name}" ${why}`);
        }
      }
      for (const f of project.ofType('CustomField')) {
        const field = f.name.slice(f.name.indexOf('.') + 1);
        if (!field.endsWith('__c')) continue;
        const why = bad(field.slice(0, -3), MAX_API_NAME);
        if (why) report({ file: f.path }, `Field name "${field}" ${why}`);
      }
      for (const type of [
        'Flow',
        'Queue',
        'QueueRoutingConfig',
        'MessagingChannel',
        'EmbeddedServiceConfig',
        'PermissionSet',
        'ServicePresenceStatus',
        'RemoteSiteSetting'
      ]) {
        for (const f of project.ofType(type)) {
          const why = bad(f.name, MAX_DEVELOPER_NAME);
          if (why) report({ file: f.path }, `${type} name "${f.name}" ${why}`);
        }
      }
      for (const f of project.ofType('Flow')) {
        for (const name of flowView(f).resources) {
          const why = bad(name, MAX_DEVELOPER_NAME);
          if (why) report({ file: f.path }, `Flow element or resource name "${name}" ${why}`);
        }
      }
    }
  }
];
