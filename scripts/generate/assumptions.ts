/**
 * Every choice the generators make that no source confirmed (docs/architecture.md and the user docs mark them unverified).
 * Each is one named constant here, so a retrieve from a real org that disagrees is a one-line fix.
 * docs and the validator should name these when they explain a risk.
 */

/**
 * What a custom pre-chat field's `formField` carries: the channel parameter's `name` (the model's
 * `formField`, the derived API name) or its `externalParameterName` (the vendor key verbatim).
 * Unverified: real samples keep name and externalParameterName equal, so they cannot tell.
 */
export const CUSTOM_FORM_FIELD_SOURCE: 'name' | 'externalParameterName' = 'name';

/**
 * When the pre-chat form applies: `Session` (every messaging session) or `Conversation` (once per
 * conversation). Real retrieved samples (including Salesforce's own example) use `Session`; a
 * vendor reopening a conversation sends routingAttributes again with the new session.
 */
export const PRECHAT_DISPLAY_CONTEXT: 'Session' | 'Conversation' = 'Session';

/**
 * `displayOrder` of the first visible pre-chat field (hidden ones use -1). Real samples count from
 * 0, this kit from 1; the platform only sorts by it. Unverified whether it renumbers.
 */
export const FIRST_VISIBLE_DISPLAY_ORDER = 1;

/**
 * Whether channel parameters carry `actionParameterMappings` (parameter → flow input variable). The
 * mapping is what feeds the flow, but one public scan found none in retrieved channels (mapped in
 * the UI) and mappings made before an active routing flow existed were seen retrieved empty.
 * Verify by retrieve after deploy; `handoff doctor` checks it.
 */
export const EMIT_ACTION_PARAMETER_MAPPINGS = true;

/**
 * `embeddedConfig.anonymousUserJwtExpirationTime` ("token expiration for unverified users"). One
 * vendor guide: minutes, 60–4320, default 360, required for UnAuth channels. The unit is
 * unverified. `undefined` omits the element (it is optional in WSDL 66).
 */
export const ANONYMOUS_USER_JWT_EXPIRATION: number | undefined = 360;

/**
 * `embeddedConfig.isAgentAvlCheckEnabled`: refuse a conversation when no agent is available. Off:
 * the generated flow checks availability itself and creates a Case, which needs the session.
 */
export const AGENT_AVAILABILITY_CHECK = false;

/**
 * `isEstimatedWaitTimeEnabled` exists on the channel and inside `embeddedConfig` in WSDL 66; which
 * one the platform reads for MIAW is unverified, so the model's value is written to both.
 */
export const ESTIMATED_WAIT_TIME_PLACEMENT: 'channel' | 'embeddedConfig' | 'both' = 'both';

/**
 * Whether permission sets carry `objectPermissions` for MessagingSession (agents read, flow and
 * integration user read + edit: the flow writes the custom fields and CaseId). Unverified that a
 * permission set may grant object access on MessagingSession in every org edition.
 */
export const GRANT_MESSAGING_SESSION_OBJECT_ACCESS = true;

/**
 * Whether the External Client App's global OAuth settings file (callback URL, client credentials
 * on) is generated. Salesforce's Trailhead project deploys one (retrieved back with a consumerKey:
 * chrzasz/sf-th-eca-via-metadata, extlClntAppGlobalOauthSets/); the Metadata API guide says the type
 * holds consumer secrets and must not be in source control. The kit writes it WITHOUT consumerKey
 * and consumerSecret (the org generates them); unverified that every org accepts it by deploy.
 */
export const GENERATE_GLOBAL_OAUTH_SETTINGS = true;

/**
 * `commaSeparatedPermissionSet` in the OAuth policies: the reference says "permission set IDs",
 * public projects deploy permission set API names (QuoteWake, VizVoice policies files). The kit
 * writes the API name; `false` omits the element (then `handoff seed` assignment alone grants it).
 */
export const POLICY_NAMES_PERMISSION_SET = true;
