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
 * Default of `channel.tokenExpiryMinutes` → `embeddedConfig.anonymousUserJwtExpirationTime` ("token
 * expiration for unverified users"): minutes, 60–4320, default 360 (Metadata API doc; Fullview's
 * guide asks for 4320). Written only for unverified (UnAuth) channels.
 */
export const ANONYMOUS_USER_JWT_EXPIRATION = 360;

/**
 * Default of `channel.verification.expiryMinutes` → `embeddedConfig.verifiedUserJwtExpirationTime`.
 * Unverified: the range 60–240 and default 60 come from one public channel-setup guide (a skill
 * file describing MessagingChannel), not from a Salesforce page; the Metadata API example uses 360.
 */
export const VERIFIED_USER_JWT_EXPIRATION = 60;

/**
 * `messagingAuthorizations.enabled` for the verified channel's key set. The Metadata API example
 * carries `false`; whether `false` disables the check is unverified, so the kit writes `true`.
 */
export const MESSAGING_AUTHORIZATION_ENABLED = true;

/**
 * `embeddedConfig.presenceTimeout`: an xsd:int in WSDL 66 with no documented unit or range; the
 * config passes it through unchanged (1–86400) and the kit omits it when unset.
 */
export const PRESENCE_TIMEOUT_UNIT = 'unverified' as const;

/**
 * `responseTimeoutInMins` of idle/inactive automated responses: minutes (the element's name); the
 * range 1–1440 the config accepts is unverified (the Metadata API example uses 10).
 */
export const AUTO_RESPONSE_TIMEOUT_RANGE = { min: 1, max: 1440 };

/**
 * The label of a visible custom pre-chat field: `embeddedServiceCustomLabels` on the form field with
 * labelKey `EM_PreChat_Base_PrechatCustomFieldLabel` and feature `EmbeddedMessaging` (both WSDL 66
 * enum values). Unverified against a real retrieve of a deployment with a visible custom field.
 */
export const PRECHAT_CUSTOM_FIELD_LABEL_KEY = 'EM_PreChat_Base_PrechatCustomFieldLabel';

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
