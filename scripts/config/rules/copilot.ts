/**
 * Cognigy AI Copilot: the URL attribute is a text attribute, and each allowed origin is an https
 * origin (scheme and host only; a leading "*." as CSP Trusted Sites allow), because the agent's
 * console frames only what is allowed there.
 */
import { checkAttributeReference, type ConfigRule } from './context';

/** An https origin: host (optionally "*." first), optional port, nothing after. */
const HTTPS_ORIGIN = /^https:\/\/(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$/;

function originProblem(value: string): { message: string; fix: string } | undefined {
  if (HTTPS_ORIGIN.test(value)) return undefined;
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]+)(.*)$/i.exec(value);
  if (!m)
    return {
      message: `"${value}" is not an origin`,
      fix: 'write the scheme and host, e.g. "https://copilot.cognigy.ai"'
    };
  if (m[1].toLowerCase() !== 'https')
    return {
      message: `"${value}" uses ${m[1]}; the Copilot workspace is framed only over https`,
      fix: `use "https://${m[2]}"`
    };
  return { message: `"${value}" is not an origin (scheme and host only)`, fix: `use "https://${m[2]}"` };
}

export const check: ConfigRule = (ctx) => {
  const cp = ctx.config.copilot;
  if (!cp || typeof cp !== 'object') return;
  checkAttributeReference(
    ctx,
    ['copilot', 'urlAttribute'],
    cp.urlAttribute,
    'add the attribute carrying the Copilot URL to "attributes"'
  );
  const list = Array.isArray(ctx.config.attributes) ? ctx.config.attributes : [];
  const n = list.findIndex((a) => a && a.key === cp.urlAttribute);
  const type = n < 0 ? undefined : list[n].type;
  if (type === 'Email' || type === 'Phone')
    ctx.add(
      ['copilot', 'urlAttribute'],
      `attribute "${cp.urlAttribute}" is of type ${type}; the Copilot URL needs a Url or Text field`,
      `set attributes[${n}].type to "Url"`
    );
  if (!Array.isArray(cp.allowedOrigins)) return;
  const joined = cp.allowedOrigins.filter((o) => typeof o === 'string').join(' ');
  if (joined.length > 255)
    ctx.add(
      ['copilot', 'allowedOrigins'],
      `the origins take ${joined.length} characters; the attribute record holds 255 (Frame_Origins__c, space-separated)`,
      'list fewer origins, or one "https://*.<domain>" for their common domain'
    );
  cp.allowedOrigins.forEach((o, i) => {
    if (typeof o !== 'string') return;
    const p = originProblem(o);
    if (p) ctx.add(['copilot', 'allowedOrigins', i], p.message, p.fix);
  });
};
