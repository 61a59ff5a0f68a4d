/** Names within one package: a component named twice (e.g. a field twice in its object file) fails. */
import type { PackageRule } from './types';

export const nameRules: PackageRule[] = [
  {
    id: 'name/duplicate',
    evidence: 'Public deploy log: "Duplicate name \'Account.FLD_Email__c\' specified" (forcedotcom/cli#468)',
    check(components) {
      const seen = new Set<string>();
      const out = [];
      for (const c of components) {
        const key = `${c.type}:${c.fullName}`;
        if (seen.has(key))
          out.push({
            component: c,
            problem: { message: `Duplicate name '${c.fullName}' specified`, line: c.root?.line }
          });
        seen.add(key);
      }
      return out;
    }
  }
];
