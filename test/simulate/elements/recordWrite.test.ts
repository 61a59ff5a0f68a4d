import { runRecordCreate } from '../../../scripts/simulate/flow/elements/recordCreate';
import { runRecordUpdate } from '../../../scripts/simulate/flow/elements/recordUpdate';
import { buildSchema, Org } from '../../../scripts/simulate/flow/org';
import { interview, node, variable } from './harness';

describe('Create and Update Records handlers', () => {
  it('creates a Case from assignments and stores its Id where the element says', () => {
    const org = new Org(buildSchema(new Map()));
    const iv = interview(
      `<recordCreates><name>New_Case</name><label>New Case</label><assignRecordIdToReference>caseId</assignRecordIdToReference>
         <inputAssignments><field>Subject</field><value><stringValue>Help</stringValue></value></inputAssignments><object>Case</object></recordCreates>${variable('caseId')}`,
      org
    );
    runRecordCreate(node(iv, 'New_Case', 'recordCreate'), iv);
    const id = String(iv.vars.get('caseId'));
    expect(org.byId(id)?.record.Subject).toBe('Help');
    expect(iv.steps[0]).toMatchObject({ type: 'create', object: 'Case', id });
  });

  it('updates the records a filter selects and faults on text longer than the field', () => {
    const org = new Org(buildSchema(new Map()));
    const c = org.seed('Case', { Subject: 'old' });
    const upd = (subject: string) =>
      interview(
        `<recordUpdates><name>U</name><label>U</label><filterLogic>and</filterLogic>
           <filters><field>Id</field><operator>EqualTo</operator><value><stringValue>${String(c.Id)}</stringValue></value></filters>
           <inputAssignments><field>Subject</field><value><stringValue>${subject}</stringValue></value></inputAssignments><object>Case</object></recordUpdates>`,
        org
      );
    const iv = upd('new');
    runRecordUpdate(node(iv, 'U', 'recordUpdate'), iv);
    expect(org.byId(String(c.Id))?.record.Subject).toBe('new');
    const long = upd('x'.repeat(256));
    expect(() => runRecordUpdate(node(long, 'U', 'recordUpdate'), long)).toThrow(/STRING_TOO_LONG/);
  });
});
