/**
 * Channel settings (config/channelTypes.ts): the rules that the JSON
 * schema cannot express: verified users need a key set, languages are Salesforce's, a timeout only
 * on the responses that wait, one response per type and language, file types that are extensions.
 */
import { closest } from '../closest';
import { SALESFORCE_LANGUAGES } from '../languages';
import type { ConfigRule } from './context';

const WAITING_RESPONSES = new Set(['endUserIdle', 'endUserInactive']);
/** A file extension as Setup's "Allowed file types" takes it: letters and digits, no dot. */
const FILE_EXTENSION = /^[a-z0-9]{1,10}$/;

export const check: ConfigRule = (ctx) => {
  const add = ctx.add.bind(ctx);
  const ch = ctx.config.channel;
  if (!ch || typeof ch !== 'object') return;

  const v = ch.verification;
  if (v && v.mode === 'verified' && !v.keySet)
    add(
      ['channel', 'verification'],
      'verified users need a key set to check their JWTs against, but no keySet is given',
      'add "keySet": "<key set developer name>" (with "jwksUrl" the kit generates the key set; without it, create the key set in Setup > User Verification), or set "mode": "unverified"'
    );
  if (v && v.mode === 'unverified')
    for (const k of ['keySet', 'jwksUrl', 'issuer', 'identifier', 'expiryMinutes'] as const)
      if (v[k] !== undefined)
        add(
          ['channel', 'verification', k],
          `"${k}" only applies to verified users, but mode is "unverified"`,
          'set "mode": "verified", or remove it'
        );

  const seen = new Map<string, number>();
  (Array.isArray(ch.autoResponses) ? ch.autoResponses : []).forEach((r, i) => {
    if (!r || typeof r !== 'object') return;
    if (typeof r.language === 'string' && !SALESFORCE_LANGUAGES.includes(r.language)) {
      const hint = closest(r.language, [...SALESFORCE_LANGUAGES]);
      add(
        ['channel', 'autoResponses', i, 'language'],
        `"${r.language}" is not a Salesforce language code`,
        hint ? `did you mean "${hint}"?` : 'use a code such as en_US, de, fr, ja (Salesforce Help: Supported Languages)'
      );
    }
    if (r.timeoutMinutes !== undefined && !WAITING_RESPONSES.has(r.type))
      add(
        ['channel', 'autoResponses', i, 'timeoutMinutes'],
        `the "${r.type}" response is sent when its event happens; only endUserIdle and endUserInactive wait a timeout`,
        'remove "timeoutMinutes"'
      );
    const id = `${r.type}|${r.language}`;
    const first = seen.get(id);
    if (first !== undefined)
      add(
        ['channel', 'autoResponses', i],
        `a second "${r.type}" response in ${r.language} (the first is $.channel.autoResponses[${first}]); the channel keeps one per type and language`,
        'remove one of them'
      );
    else seen.set(id, i);
  });

  const a = ch.attachments;
  if (a && typeof a === 'object') {
    (Array.isArray(a.fileTypes) ? a.fileTypes : []).forEach((t, i) => {
      if (typeof t === 'string' && !FILE_EXTENSION.test(t.replace(/^\./, '').toLowerCase()))
        add(
          ['channel', 'attachments', 'fileTypes', i],
          `"${t}" is not a file extension`,
          'write the extension alone, letters and digits, e.g. "pdf" or "png"'
        );
    });
    if (a.fileTypes && a.anyFileType)
      add(
        ['channel', 'attachments', 'fileTypes'],
        '"anyFileType" allows every extension, so "fileTypes" would be ignored',
        'remove "fileTypes" or "anyFileType"'
      );
    if (a.enabled === false && (a.fileTypes || a.maxFileSizeMB !== undefined || a.anyFileType))
      add(
        ['channel', 'attachments', 'enabled'],
        'attachments are off, but file types or a size limit are set for them',
        'set "enabled": true, or remove the file settings'
      );
  }
};
