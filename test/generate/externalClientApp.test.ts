import { generate } from '../../scripts/generate/externalClientApp';
import { generate as caseFields } from '../../scripts/generate/caseFields';
import { starterConfig, VENDOR_ATTRIBUTES } from '../../scripts/config/templates';
import type { Vendor } from '../../scripts/config/types';
import { resolveModel } from '../../scripts/model/resolve';
import { exampleModel, modelOf, parsedFile, textOf } from './helpers';

describe('External Client App generator', () => {
  const model = exampleModel();
  const files = generate(model);

  it('writes the app, its global and local OAuth settings and its policies under the SDR folders', () => {
    expect(files.map((f) => f.path).sort()).toEqual([
      'externalClientApps/Handoff_Fin.eca-meta.xml',
      'extlClntAppGlobalOauthSets/Handoff_Fin_glbloauth.ecaGlblOauth-meta.xml',
      'extlClntAppOauthPolicies/Handoff_Fin_oauthPlcy.ecaOauthPlcy-meta.xml',
      'extlClntAppOauthSettings/Handoff_Fin_oauth.ecaOauth-meta.xml'
    ]);
  });

  it('turns the client credentials flow on for admin-approved users holding the integration permission set', () => {
    const policies = parsedFile(files, 'extlClntAppOauthPolicies/Handoff_Fin_oauthPlcy.ecaOauthPlcy-meta.xml');
    expect(textOf(policies, 'isClientCredentialsFlowEnabled')).toBe('true');
    expect(textOf(policies, 'permittedUsersPolicyType')).toBe('AdminApprovedPreAuthorized');
    expect(textOf(policies, 'commaSeparatedPermissionSet')).toBe('Handoff_Integration');
    expect(textOf(policies, 'externalClientApplication')).toBe('Handoff_Fin');
    const global = parsedFile(files, 'extlClntAppGlobalOauthSets/Handoff_Fin_glbloauth.ecaGlblOauth-meta.xml');
    expect(textOf(global, 'isClientCredentialsFlowEnabled')).toBe('true');
    expect(textOf(global, 'callbackUrl')).toBe('https://login.salesforce.com/services/oauth2/success');
    const oauth = parsedFile(files, 'extlClntAppOauthSettings/Handoff_Fin_oauth.ecaOauth-meta.xml');
    expect(textOf(oauth, 'commaSeparatedOauthScopes')).toBe('Api, Basic');
  });

  it('never writes a secret, a consumer key, an org-specific link or the Run-As user', () => {
    const all = files.map((f) => f.content).join('\n');
    for (const element of [
      'consumerKey',
      'consumerSecret',
      'oauthLink',
      'clientCredentialsFlowUser',
      'orgScopedExternalApp'
    ])
      expect(all).not.toContain(`<${element}>`);
    const withUser = generate(
      modelOf({
        integration: { appName: 'X_App', contactEmail: 'a@example.com' },
        users: { integrationUser: 'vendor@example.com' }
      })
    );
    expect(withUser.map((f) => f.content).join('\n')).not.toContain('vendor@example.com');
  });

  it('writes nothing without `integration`', () => {
    expect(generate(modelOf())).toEqual([]);
  });

  it.each(Object.keys(VENDOR_ATTRIBUTES) as Vendor[])(
    'writes the app and the Case fields for the %s template',
    (vendor) => {
      const m = resolveModel(starterConfig(vendor));
      expect(generate(m)).toHaveLength(4);
      const fields = caseFields(m);
      expect(fields.length).toBeGreaterThan(0);
      for (const f of fields) expect(f.path).toMatch(/^objects\/Case\/fields\/Handoff_\w+__c\.field-meta\.xml$/);
    }
  );
});
