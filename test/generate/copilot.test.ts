/**
 * Cognigy Agent Copilot (issue 13 item 6): the allow-list reaches the org twice, as the attribute
 * record's Frame_Origins__c (what the context component checks) and as one frame-only CSP Trusted
 * Site per origin (what Lightning enforces). Without `copilot` neither is written.
 */
import { generate as attributeMetadata } from '../../scripts/generate/attributeMetadata';
import { generate as cspTrustedSites } from '../../scripts/generate/cspTrustedSites';
import { children, modelOf, parsedFile, textOf } from './helpers';

const ORIGINS = ['https://copilot-eu.cognigy.ai', 'https://*.cognigy.ai'];
const withCopilot = modelOf({
  attributes: [{ key: 'plan' }, { key: 'copilot_url', type: 'LongTextArea', length: 1024 }],
  copilot: { urlAttribute: 'copilot_url', allowedOrigins: ORIGINS }
});

const frameOrigins = (file: string): string | undefined => {
  const doc = parsedFile(attributeMetadata(withCopilot), file);
  const v = children(doc, 'values').find((x) => textOf(x, 'field') === 'Frame_Origins__c');
  return v ? v.children.find((c) => c.name === 'value')!.text : undefined;
};

describe('Copilot allow-list', () => {
  it("writes the origins into the Copilot attribute's record only", () => {
    const copilot = withCopilot.attributes.find((a) => a.key === 'copilot_url')!;
    const plan = withCopilot.attributes.find((a) => a.key === 'plan')!;
    expect(frameOrigins(`customMetadata/Handoff_Attribute.${copilot.name}.md-meta.xml`)).toBe(ORIGINS.join(' '));
    expect(frameOrigins(`customMetadata/Handoff_Attribute.${plan.name}.md-meta.xml`)).toBeUndefined();
  });

  it('writes one active, frame-only CSP Trusted Site per origin for Lightning Experience', () => {
    const files = cspTrustedSites(withCopilot);
    expect(files.map((f) => f.path)).toEqual([
      'cspTrustedSites/Handoff_Copilot_1.cspTrustedSite-meta.xml',
      'cspTrustedSites/Handoff_Copilot_2.cspTrustedSite-meta.xml'
    ]);
    files.forEach((f, i) => {
      const doc = parsedFile(files, f.path);
      expect(textOf(doc, 'endpointUrl')).toBe(ORIGINS[i]);
      expect([textOf(doc, 'isActive'), textOf(doc, 'context'), textOf(doc, 'isApplicableToFrameSrc')]).toEqual([
        'true',
        'LEX',
        'true'
      ]);
      const on = doc.children.filter((c) => /^(isApplicableTo|canAccess)/.test(c.name) && c.text === 'true');
      expect(on.map((c) => c.name)).toEqual(['isApplicableToFrameSrc']);
    });
  });

  it('writes no trusted site and no allow-list without copilot', () => {
    const plain = modelOf();
    expect(cspTrustedSites(plain)).toEqual([]);
    expect(
      attributeMetadata(plain).some(
        (f) => f.path.startsWith('customMetadata/') && f.content.includes('Frame_Origins__c')
      )
    ).toBe(false);
  });
});
