// handoffResend: the headless "Resend" quick action on a Handoff Callout Failure record. It only asks Apex to
// mark the record for the hourly resend job (which sends as the flow's user, the one holding the principal
// access); nothing here calls out. Apex answers when the job sends it, or why it refused.
import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import resendFromRecord from '@salesforce/apex/HandoffEndConversationResend.resendFromRecord';
import MARKED from '@salesforce/label/c.Handoff_Resend_Marked';
import REFUSED from '@salesforce/label/c.Handoff_Resend_Refused';

/** The message of an Apex error as the platform delivers it (AuraHandledException: body.message). */
export function refusalMessage(error: unknown): string {
  const body = (error as { body?: { message?: unknown } } | null)?.body;
  if (typeof body?.message === 'string' && body.message) return body.message;
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

export default class HandoffResend extends LightningElement {
  @api recordId?: string;

  /** Called by the platform when the action is pressed; the promise keeps the action busy until it settles. */
  @api
  async invoke(): Promise<void> {
    try {
      const message = (await resendFromRecord({ failureId: this.recordId })) as string;
      this.dispatchEvent(new ShowToastEvent({ title: MARKED, message, variant: 'success' }));
    } catch (error) {
      this.dispatchEvent(
        new ShowToastEvent({ title: REFUSED, message: refusalMessage(error), variant: 'error', mode: 'sticky' })
      );
    }
  }
}
