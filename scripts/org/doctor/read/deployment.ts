/**
 * The Embedded Service deployment: its metadata (1 Metadata API read) and, when it exists, the
 * pre-chat form the MIAW API serves (1 access-token call): what is published.
 */
import type { HandoffModel } from '../../../model/types';
import { MiawClient } from '../../miawClient';
import { asArray, asBool, asText, readMeta, type OrgCaller } from '../../doctorSoql';
import type { DeploymentSnapshot } from '../snapshot';
import type { DoctorOptions } from './options';

type Meta = Record<string, unknown>;

async function publishedForm(opts: DoctorOptions, model: HandoffModel): Promise<DeploymentSnapshot['published']> {
  if (!opts.scrtUrl) return { unavailable: 'no MIAW URL (the instance URL is not a My Domain URL)' };
  try {
    const client = new MiawClient({
      baseUrl: opts.scrtUrl,
      orgId: opts.orgId,
      esDeveloperName: model.deployment.developerName,
      maxRetries: 1
    });
    return await client.authorize();
  } catch (e) {
    return { unavailable: (e as Error).message };
  }
}

/** The deployment as the checks see it, and its raw metadata (the settings comparison reads it too). */
export async function readDeployment(
  org: OrgCaller,
  model: HandoffModel,
  opts: DoctorOptions
): Promise<{ deployment: DeploymentSnapshot; meta?: Meta }> {
  const meta = await readMeta(org, 'EmbeddedServiceConfig', model.deployment.developerName);
  const published = meta ? await publishedForm(opts, model) : { unavailable: 'the deployment is missing' };
  const deployment: DeploymentSnapshot = {
    exists: !!meta,
    forms: asArray(meta?.embeddedServiceForms as Meta[] | Meta | undefined).map((f) => ({
      isActive: asBool(f.isActive),
      fields: asArray(f.embeddedServiceFormFields as Meta[] | Meta | undefined).map((x) => ({
        formField: asText(x.formField) ?? '',
        isHidden: asBool(x.isHidden),
        parameterType: asText(x.messagingChannelParameterType) ?? ''
      }))
    })),
    published
  };
  return { deployment, meta };
}
