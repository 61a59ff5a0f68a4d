/**
 * The SOAP Metadata API of the emulated org, by API surface: deploy and checkDeployStatus
 * (metadataApi/deploy.ts, the zip read by zip.ts, judged by deployRules/, tests run by
 * apexTests.ts), readMetadata and the save calls (crud.ts), retrieve and checkRetrieveStatus
 * (retrieve.ts). Answers have the SOAP shape jsforce parses. This module routes the calls.
 */
import { child, parseXml, textOf, type XmlNode } from '../../scripts/xml/read';
import { supportsApiVersion } from './deployRules';
import { readMetadata, saveMetadata } from './metadataApi/crud';
import { checkDeployStatus, startDeploy } from './metadataApi/deploy';
import { checkRetrieveStatus, startRetrieve } from './metadataApi/retrieve';
import type { MetadataSettings } from './metadataApi/settings';
import type { Handler } from './router';
import { soapFault, soapResponse, xmlEscape } from './router';

export { defaultMetadataSettings, type MetadataSettings } from './metadataApi/settings';

export function metadataHandler(settings: MetadataSettings): Handler {
  return async (req, { state }) => {
    const url = /^\/services\/Soap\/m\/([\d.]+)$/.exec(req.path);
    if (!url || req.method !== 'POST') return undefined;
    // Evidence: public client logs, "UNSUPPORTED_API_VERSION: Invalid Api version specified on URL" (salesforcedx-vscode#4492).
    if (!supportsApiVersion(url[1], settings.strict.maxApiVersion))
      return soapFault('UNSUPPORTED_API_VERSION', 'Invalid Api version specified on URL');
    let body: XmlNode;
    try {
      const envelope = parseXml(req.body);
      const soapBody = child(envelope, 'Body');
      if (!soapBody || !soapBody.children[0]) return soapFault('INVALID_SOAP_REQUEST', 'No operation in the SOAP body');
      body = soapBody.children[0];
    } catch (e) {
      return soapFault('INVALID_XML', (e as Error).message);
    }
    switch (body.local) {
      case 'deploy':
        return startDeploy(state, settings, body);
      case 'checkDeployStatus':
        return checkDeployStatus(state, body);
      case 'cancelDeploy':
        return soapResponse(
          'cancelDeploy',
          `<result><done>true</done><id>${xmlEscape(textOf(body, 'String') ?? '')}</id></result>`
        );
      case 'readMetadata':
        return readMetadata(state, settings, body);
      case 'upsertMetadata':
      case 'createMetadata':
      case 'updateMetadata':
        return saveMetadata(state, body);
      case 'retrieve':
        return startRetrieve(state, body);
      case 'checkRetrieveStatus':
        return checkRetrieveStatus(state, settings, body);
      default:
        return undefined;
    }
  };
}
