/**
 * The naming chain (docs/architecture.md): vendor key → channel custom parameter → pre-chat field → parameter
 * mapping → flow input variable → MessagingSession field → field-level security. Any break is silent
 * in the org (the value arrives empty), so each link is its own rule.
 */
import type { Rule } from '../types';
import {
  channelView,
  deploymentsOf,
  deploymentView,
  fieldGrants,
  flowView,
  messagingSessionWrites,
  type ChannelView,
  type FlowView
} from '../../source';
import type { SourceProject } from '../../source';
import { isStandardFormField } from '../../platform/standardParameters';

function handlerFlow(project: SourceProject, ch: ChannelView): FlowView | undefined {
  const name = ch.handlerFlow?.value;
  const file = name ? project.find('Flow', name) : undefined;
  return file ? flowView(file) : undefined;
}

/** Every mapping of the channel (custom and standard parameters) with the parameter it belongs to. */
function mappings(ch: ChannelView): { parameter: string; variable: string; line: number }[] {
  return [
    ...ch.custom.flatMap((p) => p.mappings.map((m) => ({ parameter: p.name, variable: m.value, line: m.line }))),
    ...ch.standard.flatMap((p) => p.mappings.map((m) => ({ parameter: p.type, variable: m.value, line: m.line })))
  ];
}

export const rules: Rule[] = [
  {
    id: 'chain/parameter-has-mapping',
    description: 'Each channel custom parameter has a parameter mapping (actionParameterMappings) to the flow.',
    fix: 'Add <actionParameterMappings><actionParameterName>NAME</actionParameterName></actionParameterMappings> to the parameter, NAME being the flow input variable.',
    check({ project, report }) {
      for (const f of project.ofType('MessagingChannel')) {
        for (const p of channelView(f).custom) {
          if (!p.mappings.some((m) => m.value)) {
            report(
              { file: f.path, line: p.line },
              `Custom parameter "${p.name}" has no parameter mapping: its value never reaches the flow`
            );
          }
        }
      }
    }
  },
  {
    id: 'chain/mapping-matches-flow-variable',
    description: "Each parameter mapping names a variable of the channel's handler flow, case-exact.",
    fix: 'Make actionParameterName and the flow variable name identical (the mapping binds by name, case-exact).',
    check({ project, report }) {
      for (const f of project.ofType('MessagingChannel')) {
        const ch = channelView(f);
        const flow = handlerFlow(project, ch);
        if (!flow) continue; // channel/handler-flow-exists reports it
        for (const m of mappings(ch)) {
          if (!m.variable || flow.variables.has(m.variable)) continue;
          const near = [...flow.variables.keys()].find((v) => v.toLowerCase() === m.variable.toLowerCase());
          report(
            { file: f.path, line: m.line },
            near
              ? `Mapping "${m.variable}" differs only by case from the flow variable "${near}" of ${flow.name}`
              : `Mapping "${m.variable}" names no variable of the flow ${flow.name}`
          );
        }
      }
    }
  },
  {
    id: 'chain/flow-variable-input-string',
    description: 'A mapped flow variable is an input (isInput true), single-valued String.',
    fix: 'Set the variable to dataType String, isCollection false, isInput true.',
    check({ project, report }) {
      for (const f of project.ofType('MessagingChannel')) {
        const ch = channelView(f);
        const flow = handlerFlow(project, ch);
        if (!flow) continue;
        for (const m of mappings(ch)) {
          const v = flow.variables.get(m.variable);
          if (!v) continue;
          const wrong = [
            !v.isInput && 'not available for input (isInput false)',
            v.dataType !== 'String' && `of type ${v.dataType || 'none'}, not String`,
            v.isCollection && 'a collection'
          ].filter(Boolean);
          if (wrong.length)
            report(
              { file: flow.file.path, line: v.line },
              `Flow variable "${v.name}" receives a channel parameter but is ${wrong.join(' and ')}`
            );
        }
      }
    }
  },
  {
    id: 'chain/flow-assigns-field',
    description: 'The handler flow writes each mapped input variable to a MessagingSession field.',
    fix: "Add an inputAssignments entry (field ← the variable) to the flow's Update Records on MessagingSession.",
    check({ project, report }) {
      for (const f of project.ofType('MessagingChannel')) {
        const ch = channelView(f);
        const flow = handlerFlow(project, ch);
        if (!flow) continue;
        const written = new Set(messagingSessionWrites(flow).map((w) => w.variable));
        for (const p of ch.custom) {
          const variable = p.mappings.find((m) => flow.variables.has(m.value))?.value;
          if (!variable || written.has(variable)) continue;
          const v = flow.variables.get(variable)!;
          report(
            { file: flow.file.path, line: v.line },
            `Flow variable "${variable}" is never written to a MessagingSession field: the value is lost`
          );
        }
      }
    }
  },
  {
    id: 'chain/field-exists',
    description: 'Each MessagingSession field the handler flow writes exists in the project.',
    fix: 'Add objects/MessagingSession/fields/FIELD.field-meta.xml, or correct the field name in the flow.',
    check({ project, report }) {
      const seen = new Set<string>();
      for (const f of project.ofType('MessagingChannel')) {
        const flow = handlerFlow(project, channelView(f));
        if (!flow || seen.has(flow.name)) continue;
        seen.add(flow.name);
        for (const w of messagingSessionWrites(flow)) {
          if (!w.field.endsWith('__c') || project.has('CustomField', `MessagingSession.${w.field}`)) continue;
          const near = project.findIgnoringCase('CustomField', `MessagingSession.${w.field}`);
          report(
            { file: flow.file.path, line: w.line },
            near
              ? `The flow writes MessagingSession.${w.field}, which differs by case from the field ${near.name}`
              : `The flow writes MessagingSession.${w.field}, which is not in the project`
          );
        }
      }
    }
  },
  {
    id: 'chain/field-permission',
    description: 'A permission set grants read and one grants edit on each MessagingSession field the flow writes.',
    fix: 'Add fieldPermissions (readable true; editable true for the flow/integration permission set) for the field.',
    check({ project, report }) {
      const grants = fieldGrants(project);
      const seen = new Set<string>();
      for (const f of project.ofType('CustomField')) {
        if (!f.name.startsWith('MessagingSession.') || seen.has(f.name)) continue;
        seen.add(f.name);
        const list = grants.get(f.name) ?? [];
        if (!list.some((g) => g.readable)) {
          report(
            { file: f.path, line: f.xml.line },
            `No permission set grants read on ${f.name}: without field-level security it is invisible to agents and to Flow Builder`
          );
        } else if (!list.some((g) => g.editable)) {
          report(
            { file: f.path, line: f.xml.line },
            `No permission set grants edit on ${f.name}: the flow cannot write it`
          );
        }
      }
    }
  },
  {
    id: 'chain/parameter-has-prechat-field',
    description:
      "Each channel custom parameter is a field of the deployment's pre-chat form (keys missing from the form are dropped).",
    fix: 'Add an embeddedServiceFormFields entry (formField = the parameter name, isHidden true, messagingChannelParameterType Custom).',
    check({ project, report }) {
      for (const f of project.ofType('MessagingChannel')) {
        const ch = channelView(f);
        for (const d of deploymentsOf(project, ch.name)) {
          const fields = new Set(d.forms.flatMap((form) => form.fields.map((x) => x.formField)));
          for (const p of ch.custom) {
            if (fields.has(p.name) || fields.has(p.externalName)) continue;
            report(
              { file: d.file.path, line: d.forms[0]?.line ?? d.file.xml.line },
              `Custom parameter "${p.name}" of ${ch.name} has no pre-chat field: MIAW drops the value`
            );
          }
        }
      }
    }
  },
  {
    id: 'chain/hidden-field-is-parameter',
    description: "Each hidden pre-chat field is a custom parameter of the deployment's channel.",
    fix: 'Name the field after a channel custom parameter (its name), or add the parameter to the channel.',
    check({ project, report }) {
      for (const f of project.ofType('MessagingChannel')) {
        const ch = channelView(f);
        const names = new Set(ch.custom.flatMap((p) => [p.name, p.externalName]));
        for (const d of deploymentsOf(project, ch.name)) {
          for (const field of d.forms.flatMap((form) => form.fields)) {
            if (!field.hidden || names.has(field.formField)) continue;
            const near = ch.custom.find((p) => p.name.toLowerCase() === field.formField.toLowerCase());
            report(
              { file: d.file.path, line: field.line },
              near
                ? `Hidden pre-chat field "${field.formField}" differs only by case from the custom parameter "${near.name}"`
                : `Hidden pre-chat field "${field.formField}" is not a custom parameter of ${ch.name}`
            );
          }
        }
      }
    }
  },
  {
    id: 'chain/standard-field-type',
    description:
      'Standard pre-chat fields (_FirstName, _LastName, _Email, _Subject) are Standard parameters, and custom ones Custom.',
    fix: 'Set messagingChannelParameterType to Standard for _FirstName/_LastName/_Email/_Subject and Custom otherwise.',
    check({ project, report }) {
      for (const d of project.ofType('EmbeddedServiceConfig')) {
        for (const form of deploymentView(d).forms) {
          for (const field of form.fields) {
            const standard = isStandardFormField(field.formField);
            if (standard && field.parameterType !== 'Standard') {
              report(
                { file: d.path, line: field.line },
                `Pre-chat field "${field.formField}" is a standard field but is marked ${field.parameterType || 'with no type'}`
              );
            } else if (!standard && field.parameterType === 'Standard') {
              report(
                { file: d.path, line: field.line },
                `Pre-chat field "${field.formField}" is marked Standard but is not one of _FirstName, _LastName, _Email, _Subject`
              );
            }
          }
        }
      }
    }
  },
  {
    id: 'chain/prechat-active',
    description: 'The pre-chat form is active (isActive true); an inactive form drops every hidden value.',
    fix: 'Set embeddedServiceForms/isActive to true.',
    check({ project, report }) {
      for (const d of project.ofType('EmbeddedServiceConfig')) {
        for (const form of deploymentView(d).forms) {
          if (!form.active && form.fields.length)
            report(
              { file: d.path, line: form.activeLine },
              'The pre-chat form is not active: MIAW ignores its hidden fields'
            );
        }
      }
    }
  },
  {
    id: 'chain/hidden-and-visible',
    description: 'No pre-chat field is listed both hidden and visible (or twice).',
    fix: 'Keep one embeddedServiceFormFields entry per field.',
    check({ project, report }) {
      for (const d of project.ofType('EmbeddedServiceConfig')) {
        for (const form of deploymentView(d).forms) {
          const first = new Map<string, { hidden: boolean; line: number }>();
          for (const field of form.fields) {
            const prev = first.get(field.formField);
            if (!prev) {
              first.set(field.formField, field);
              continue;
            }
            report(
              { file: d.path, line: field.line },
              prev.hidden !== field.hidden
                ? `Pre-chat field "${field.formField}" is both hidden and visible (also on line ${prev.line})`
                : `Pre-chat field "${field.formField}" is listed twice (also on line ${prev.line})`
            );
          }
        }
      }
    }
  }
];
