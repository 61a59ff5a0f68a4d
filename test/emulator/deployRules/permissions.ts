/** User permissions a permission set grants must be ones the org has (they vary by edition and licence). */
import { child, children } from '../../../scripts/xml/read';
import type { ComponentRule } from './types';

export const permissionRules: ComponentRule[] = [
  {
    id: 'permission/unknown-user-permission',
    evidence:
      'Public deploy log: "Unknown user permission: AllowUniversalSearch" (SFDO-Community/declarative-lookup-rollup-summaries#58); the known names are settings.userPermissions',
    types: ['PermissionSet'],
    check(c, org) {
      return children(c.root!, 'userPermissions').flatMap((p) => {
        const node = child(p, 'name');
        const name = node?.text.trim();
        return node && name && !org.settings.userPermissions.includes(name)
          ? [{ message: `Unknown user permission: ${name}`, line: node.line, column: node.column }]
          : [];
      });
    }
  }
];
