/**
 * Limits a real org enforces (model/orgLimits.ts has each number and its source): custom fields per
 * object for the org's edition (`org.edition` in handoff.config.json), files per deploy, executed
 * flow elements, field lengths. A project over one deploys partly or not at all.
 */
import { textOf } from '../../xml/read';
import {
  CUSTOM_FIELDS_PER_OBJECT,
  CUSTOM_FIELDS_SOURCE,
  DEFAULT_EDITION,
  DEPLOY_FILES_SOURCE,
  FIELD_LENGTH_RANGE,
  FIELD_LENGTH_SOURCE,
  FLOW_ELEMENT_LIMIT_UNTIL_API,
  FLOW_ELEMENTS_SOURCE,
  MAX_DEPLOY_FILES,
  MAX_EXECUTED_FLOW_ELEMENTS,
  MIAW_EDITIONS,
  type OrgEdition
} from '../../model/orgLimits';
import type { ConfigAndManifest } from '../../project/buildManifest';
import { generatedFolder } from '../../project/outputDir';
import { flowView, rawConfig } from '../../source';
import type { Rule } from '../types';

/**
 * 10000 → "10,000". Not toLocaleString('en-US'): its first call loads ICU's locale data, 10–40 ms of
 * every validate, and this module's descriptions are built when it loads (test/architecture/startup.test.ts).
 */
const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The edition the config names, else the default; an unreadable config is another rule's finding. */
function editionOf(configFiles: ConfigAndManifest): OrgEdition {
  const e = (rawConfig(configFiles)?.org as { edition?: unknown } | undefined)?.edition;
  return typeof e === 'string' && (MIAW_EDITIONS as readonly string[]).includes(e)
    ? (e as OrgEdition)
    : DEFAULT_EDITION;
}

export const rules: Rule[] = [
  {
    id: 'limits/custom-fields-per-object',
    description: `An object takes at most the custom fields its edition allows (${CUSTOM_FIELDS_SOURCE}).`,
    fix: 'Keep fewer attributes (only the keys agents need), or set org.edition in handoff.config.json to your org’s edition.',
    check({ project, configFiles, report }) {
      const edition = editionOf(configFiles);
      const limit = CUSTOM_FIELDS_PER_OBJECT[edition];
      const byObject = new Map<string, string[]>();
      for (const f of project.ofType('CustomField')) {
        const object = f.name.slice(0, f.name.indexOf('.'));
        if (!byObject.has(object)) byObject.set(object, []);
        byObject.get(object)!.push(f.path);
      }
      for (const [object, files] of byObject) {
        if (files.length <= limit) continue;
        report(
          { file: files[limit] },
          `${object} gets ${files.length} custom fields; ${edition} edition allows ${limit} per object (${CUSTOM_FIELDS_SOURCE}), and fields the org already has count too`,
          `Remove ${files.length - limit} or more attributes from handoff.config.json (hand-off values nobody reads need no field), or set "org": { "edition": "unlimited" } if your org is Unlimited or Performance (800).`
        );
      }
    }
  },
  {
    id: 'limits/deploy-files',
    description: `One deploy carries at most ${count(MAX_DEPLOY_FILES)} files (${DEPLOY_FILES_SOURCE}).`,
    fix: 'Keep fewer attributes: each adds a field file and channel, flow and permission entries.',
    check({ project, configFiles, report }) {
      const n = project.allFiles.size;
      if (n > MAX_DEPLOY_FILES)
        report(
          { file: generatedFolder(project.root, project.packageDirs, configFiles).rel },
          `The project has ${count(n)} files; one deploy or retrieve carries at most ${count(MAX_DEPLOY_FILES)} (${DEPLOY_FILES_SOURCE})`
        );
    }
  },
  {
    id: 'limits/flow-elements',
    description: `A flow below API ${FLOW_ELEMENT_LIMIT_UNTIL_API}.0 executes at most ${MAX_EXECUTED_FLOW_ELEMENTS} elements per interview (${FLOW_ELEMENTS_SOURCE}).`,
    fix: `Raise the flow's apiVersion to ${FLOW_ELEMENT_LIMIT_UNTIL_API}.0 or later, or split it.`,
    check({ project, report }) {
      for (const f of project.ofType('Flow')) {
        const version = Number(textOf(f.xml, 'apiVersion') ?? '');
        if (!(version < FLOW_ELEMENT_LIMIT_UNTIL_API)) continue;
        const n = flowView(f).nodes.size;
        if (n > MAX_EXECUTED_FLOW_ELEMENTS)
          report(
            { file: f.path },
            `Flow ${f.name} (API ${version}) has ${n} elements; a flow below API ${FLOW_ELEMENT_LIMIT_UNTIL_API}.0 executes at most ${MAX_EXECUTED_FLOW_ELEMENTS} per interview (${FLOW_ELEMENTS_SOURCE})`
          );
      }
    }
  },
  {
    id: 'limits/field-length',
    description: `Text fields hold 1–255 characters, Long Text Area 256–131,072 (${FIELD_LENGTH_SOURCE}).`,
    fix: 'Set the attribute length within the range of its type in handoff.config.json (or change its type).',
    check({ project, report }) {
      for (const f of project.ofType('CustomField')) {
        const type = textOf(f.xml, 'type') ?? '';
        const range = FIELD_LENGTH_RANGE[type];
        const raw = textOf(f.xml, 'length');
        if (!range || raw === undefined) continue;
        const n = Number(raw);
        if (!Number.isInteger(n) || n < range[0] || n > range[1])
          report(
            { file: f.path },
            `${type} field ${f.name} has length ${raw}; ${type} holds ${range[0]}–${count(range[1])} (${FIELD_LENGTH_SOURCE})`
          );
      }
    }
  }
];
