import { createElement } from 'lwc';
import HandoffResend, { refusalMessage } from 'c/handoffResend';
import resendFromRecord from '@salesforce/apex/HandoffEndConversationResend.resendFromRecord';

jest.mock('@salesforce/apex/HandoffEndConversationResend.resendFromRecord', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Resend_Marked', () => ({ default: 'Marked for resend' }), { virtual: true });
jest.mock('@salesforce/label/c.Handoff_Resend_Refused', () => ({ default: 'Not resent' }), { virtual: true });

const apex = resendFromRecord as unknown as jest.Mock;
const FAILURE_ID = 'a00000000000001AAA';

interface ResendElement extends HTMLElement {
  recordId?: string;
  invoke(): Promise<void>;
}

function mount(): { element: ResendElement; toasts: Array<{ title: string; message?: string; variant?: string }> } {
  const element = createElement('c-handoff-resend', { is: HandoffResend }) as ResendElement;
  element.recordId = FAILURE_ID;
  const toasts: Array<{ title: string; message?: string; variant?: string }> = [];
  element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));
  document.body.appendChild(element);
  return { element, toasts };
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
});

describe('c-handoff-resend', () => {
  it('asks Apex to mark this record and tells the admin when the hourly job sends it', async () => {
    apex.mockResolvedValue(
      'Marked for resend: event e-1 (same eventId, from attempt 1). The hourly resend job sends it at 11:00.'
    );
    const { element, toasts } = mount();

    await element.invoke();

    expect(apex).toHaveBeenCalledWith({ failureId: FAILURE_ID });
    expect(toasts).toEqual([
      {
        title: 'Marked for resend',
        message:
          'Marked for resend: event e-1 (same eventId, from attempt 1). The hourly resend job sends it at 11:00.',
        variant: 'success'
      }
    ]);
  });

  it('shows the refusal Apex gives for a Delivered record, as a sticky error', async () => {
    apex.mockRejectedValue({ body: { message: 'Already delivered: event e-2 is not sent twice.' } });
    const { element, toasts } = mount();

    await element.invoke();

    expect(toasts).toEqual([
      {
        title: 'Not resent',
        message: 'Already delivered: event e-2 is not sent twice.',
        variant: 'error',
        mode: 'sticky'
      }
    ]);
  });
});

describe('refusalMessage', () => {
  it('reads an AuraHandledException body, then an Error, then anything', () => {
    expect(refusalMessage({ body: { message: 'Not allowed' } })).toBe('Not allowed');
    expect(refusalMessage(new Error('network'))).toBe('network');
    expect(refusalMessage(null)).toBe('null');
  });
});
