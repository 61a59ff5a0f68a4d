/**
 * OAuth 2.0 token endpoint of the emulated org: the client credentials flow of an External Client
 * App (`POST /services/oauth2/token`, form-encoded), answering like Salesforce does, errors included.
 */
import type { Handler } from './router';
import { json } from './router';

export interface OAuthSettings {
  /** When true, the token endpoint answers as login.salesforce.com does for client credentials. */
  rejectDomain: boolean;
}

export function oauthHandler(settings: OAuthSettings): Handler {
  return (req, { state, baseUrl }) => {
    if (req.path !== '/services/oauth2/token') return undefined;
    if (req.method !== 'POST')
      return json(405, {
        error: 'invalid_request',
        error_description: 'must use HTTP POST'
      });
    const params = new URLSearchParams(req.body);
    const grant = params.get('grant_type');
    if (grant !== 'client_credentials') {
      return json(400, {
        error: 'unsupported_grant_type',
        error_description: 'grant type not supported'
      });
    }
    if (settings.rejectDomain) {
      return json(400, {
        error: 'invalid_grant',
        error_description: 'request not supported on this domain'
      });
    }
    const clientId = params.get('client_id') ?? '';
    const secret = state.clients.get(clientId);
    if (secret === undefined)
      return json(400, {
        error: 'invalid_client_id',
        error_description: 'client identifier invalid'
      });
    if (secret !== params.get('client_secret'))
      return json(400, {
        error: 'invalid_client',
        error_description: 'invalid client credentials'
      });
    return json(200, {
      access_token: state.issueSession(),
      instance_url: baseUrl,
      id: `${baseUrl}/id/${state.orgId}/${state.userId}`,
      token_type: 'Bearer',
      issued_at: String(Date.now()),
      signature: 'emulator',
      scope: 'api'
    });
  };
}
