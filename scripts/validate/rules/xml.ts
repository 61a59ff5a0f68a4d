/** XML well-formedness and the habits of files Salesforce deploys cleanly. */
import type { Rule } from '../types';

export const rules: Rule[] = [
  {
    id: 'xml/well-formed',
    description: 'Every metadata file is well-formed XML.',
    fix: 'Correct the XML at the line shown (unclosed or mismatched tags, a bare "&" written as &amp;).',
    check({ project, report }) {
      for (const f of project.metadata) {
        if (f.xmlError) report({ file: f.path, line: f.xmlError.line }, `Not well-formed XML: ${f.xmlError.message}`);
      }
    }
  },
  {
    id: 'xml/no-comments',
    description: 'Deployable metadata holds no XML comments (a comment inside a CustomField broke a real deploy).',
    fix: 'Remove the comment; keep notes in description elements or in docs.',
    severity: 'warning',
    check({ project, report }) {
      for (const f of project.metadata) {
        if (f.xml && f.commentLine !== undefined)
          report({ file: f.path, line: f.commentLine }, 'The file contains an XML comment');
      }
    }
  }
];
