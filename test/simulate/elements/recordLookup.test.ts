import { runRecordLookup } from '../../../scripts/simulate/flow/elements/recordLookup';
import { buildSchema, Org } from '../../../scripts/simulate/flow/org';
import { interview, node, variable } from './harness';

function org(): Org {
  const o = new Org(buildSchema(new Map()));
  o.seed('Contact', { LastName: 'B', Email: 'b@x.com' });
  o.seed('Contact', { LastName: 'A', Email: 'A@X.COM' });
  return o;
}

const lookup = (extra: string) => `
<recordLookups><name>Get_Contact</name><label>Get Contact</label>
  <filterLogic>and</filterLogic>
  <filters><field>Email</field><operator>EqualTo</operator><value><elementReference>email</elementReference></value></filters>
  <object>Contact</object>${extra}
</recordLookups>${variable('email')}${variable('lastName')}`;

describe('Get Records handler', () => {
  it('filters with SOQL semantics (text case-insensitive) and stores the first record automatically', () => {
    const iv = interview(
      lookup('<getFirstRecordOnly>true</getFirstRecordOnly><storeOutputAutomatically>true</storeOutputAutomatically>'),
      org()
    );
    iv.vars.set('email', 'a@x.com');
    runRecordLookup(node(iv, 'Get_Contact', 'recordLookup'), iv);
    expect(iv.resolve('Get_Contact.LastName')).toBe('A');
    expect(iv.steps[0]).toMatchObject({ type: 'lookup', object: 'Contact', found: 1 });
  });

  it('assigns fields through outputAssignments and nulls them when nothing is found if asked', () => {
    const iv = interview(
      lookup(
        '<getFirstRecordOnly>true</getFirstRecordOnly><assignNullValuesIfNoRecordsFound>true</assignNullValuesIfNoRecordsFound><outputAssignments><assignToReference>lastName</assignToReference><field>LastName</field></outputAssignments>'
      ),
      org()
    );
    iv.vars.set('email', 'b@x.com');
    runRecordLookup(node(iv, 'Get_Contact', 'recordLookup'), iv);
    expect(iv.vars.get('lastName')).toBe('B');
    iv.vars.set('email', 'nobody@x.com');
    runRecordLookup(node(iv, 'Get_Contact', 'recordLookup'), iv);
    expect(iv.vars.get('lastName')).toBeNull();
  });

  it('faults (OrgFault) on a field the object does not have, so the fault connector is taken', () => {
    const iv = interview(lookup('').replace('<field>Email</field>', '<field>Nope__c</field>'), org());
    expect(() => runRecordLookup(node(iv, 'Get_Contact', 'recordLookup'), iv)).toThrow(/INVALID_FIELD/);
  });
});
