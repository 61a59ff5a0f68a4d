/**
 * Every flow-internal name of the generated Omni-Channel flow, in one place, so the simulator and
 * the validator can import them instead of guessing. All start with FLOW_INTERNAL_PREFIX (`HK_`):
 * the naming contract keeps attribute names (the input variables) out of that prefix, so an
 * internal name can never collide with an attribute. Names are valid flow API names of at most 80
 * characters (per-attribute names add at most 13 characters to a 40-character attribute name).
 */
import { FLOW_INTERNAL_PREFIX } from '../../naming/flowNames';

export { FLOW_INTERNAL_PREFIX, RECORD_ID } from '../../naming/flowNames';

/** Maximum length of a flow element or resource API name. */
export const MAX_FLOW_NAME = 80;

const P = FLOW_INTERNAL_PREFIX;

/** Internal variables (flow resources). */
export const FLOW_VARIABLES = {
  /** DeveloperName of the queue the routing rules chose. */
  queueDevName: `${P}QueueDevName`,
  /** Id of the matched or created Contact (contact matching). */
  contactId: `${P}ContactId`,
  /** LastName for a created Contact: the last-name attribute, else the email. */
  contactLastName: `${P}ContactLastName`,
  /** Business-hours action output. */
  isWithinBusinessHours: `${P}IsWithinBusinessHours`,
  /** Availability action output. */
  onlineAgentsCount: `${P}OnlineAgentsCount`,
  /** Case Description, built line by line from the attributes. */
  caseDescription: `${P}CaseDescription`,
  /** Id of the Case created for the vendor. */
  caseId: `${P}CaseId`,
  /** End Conversation reason (contract.ts END_CONVERSATION.reasons). */
  endReason: `${P}EndReason`,
  /** End Conversation's outputs, stored on the session by FLOW_ELEMENTS.storeEndOutcome. */
  endAccepted: `${P}EndAccepted`,
  endMessage: `${P}EndMessage`,
  /** Set only by the terminal element of the fallback path (what happened, for debug logs). */
  outcome: `${P}Outcome`
} as const;

/** Flow elements (nodes). */
export const FLOW_ELEMENTS = {
  // Continuation of an earlier session.
  getCurrentSession: `${P}Get_Current_Session`,
  hasConversation: `${P}Has_Conversation`,
  getEarlierSession: `${P}Get_Earlier_Session`,
  earlierSessionFound: `${P}Earlier_Session_Found`,
  // Writing the inputs onto the MessagingSession.
  updateSession: `${P}Update_Session`,
  // Contact matching.
  hasEmail: `${P}Has_Email`,
  getContact: `${P}Get_Contact`,
  contactFound: `${P}Contact_Found`,
  rememberContact: `${P}Remember_Contact`,
  prepareContact: `${P}Prepare_Contact`,
  hasLastName: `${P}Has_Last_Name`,
  useLastName: `${P}Use_Last_Name`,
  createContact: `${P}Create_Contact`,
  linkContact: `${P}Link_Contact`,
  // Routing rules and the chosen queue.
  routingRules: `${P}Routing_Rules`,
  setDefaultQueue: `${P}Set_Default_Queue`,
  getQueue: `${P}Get_Queue`,
  queueFound: `${P}Queue_Found`,
  // Business hours and availability.
  checkBusinessHours: `${P}Check_Business_Hours`,
  isOpen: `${P}Is_Open`,
  checkAvailability: `${P}Check_Availability`,
  agentsAvailable: `${P}Agents_Available`,
  routeToQueue: `${P}Route_To_Queue`,
  // Case branch (no agent / outside business hours).
  setReasonNoAgent: `${P}Set_Reason_No_Agent`,
  setReasonClosed: `${P}Set_Reason_Closed`,
  buildCaseDescription: `${P}Build_Case_Description`,
  getCaseQueue: `${P}Get_Case_Queue`,
  caseQueueFound: `${P}Case_Queue_Found`,
  createCase: `${P}Create_Case`,
  linkCase: `${P}Link_Case`,
  endConversation: `${P}End_Conversation`,
  storeEndOutcome: `${P}Store_End_Outcome`,
  // Fallback path: every fault ends here.
  getFallbackQueue: `${P}Get_Fallback_Queue`,
  fallbackQueueFound: `${P}Fallback_Queue_Found`,
  routeToFallback: `${P}Route_To_Fallback`,
  leaveToChannelFallback: `${P}Leave_To_Channel_Fallback`
} as const;

/** Decision outcome (rule) names that are not routing rules. Outcomes share the element namespace. */
export const FLOW_OUTCOMES = {
  hasConversationYes: `${P}Has_Conversation_Yes`,
  earlierSessionFoundYes: `${P}Earlier_Session_Found_Yes`,
  hasEmailYes: `${P}Has_Email_Yes`,
  contactFoundYes: `${P}Contact_Found_Yes`,
  hasLastNameYes: `${P}Has_Last_Name_Yes`,
  queueFoundYes: `${P}Queue_Found_Yes`,
  isOpenYes: `${P}Is_Open_Yes`,
  agentsAvailableYes: `${P}Agents_Available_Yes`,
  caseQueueFoundYes: `${P}Case_Queue_Found_Yes`,
  fallbackQueueFoundYes: `${P}Fallback_Queue_Found_Yes`
} as const;

/** Decision: is this input blank while the earlier session has a value? (continuation) */
export function restoreCheckName(attributeName: string): string {
  return `${P}If_Blank_${attributeName}`;
}

/** Its outcome. */
export function restoreOutcomeName(attributeName: string): string {
  return `${P}Restore_Needed_${attributeName}`;
}

/** Assignment: input := earlier session's field. */
export function restoreAssignmentName(attributeName: string): string {
  return `${P}Restore_${attributeName}`;
}

/** Assignment setting the queue of routing rule number `index` (1-based). */
export function ruleQueueAssignmentName(index: number): string {
  return `${P}Set_Queue_Rule_${index}`;
}

/** Value the terminal element writes into FLOW_VARIABLES.outcome. */
export const LEFT_TO_CHANNEL_FALLBACK = 'left_to_channel_fallback_queue';
