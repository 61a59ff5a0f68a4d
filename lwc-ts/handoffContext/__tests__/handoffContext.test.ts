import { createElement } from 'lwc';
import HandoffContext from 'c/handoffContext';
import getContext from '@salesforce/apex/HandoffContextController.getContext';
import { refreshApex } from '@salesforce/apex';
import type { TestWireAdapter } from '@salesforce/sfdx-lwc-jest';
import type { ContextGroup } from '../contextView';

// The Apex method as a wire adapter the test drives (emit data, emit an error, read the config).
jest.mock(
  '@salesforce/apex/HandoffContextController.getContext',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
// Two labels with real text, to check labels come from the custom labels and that {0} is filled in.
jest.mock('@salesforce/label/c.Handoff_Copy', () => ({ default: 'Copy {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Empty', () => ({ default: 'No hand-off data on this session.' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Empty_Case', () => ({ default: 'No hand-off data on this Case.' }), {
  virtual: true
});

const wire = getContext as unknown as TestWireAdapter;
const SESSION_ID = '0Mw000000000001AAA';
const CASE_ID = '500000000000001AAA';

// What HandoffContextController returns on a Case: the linked session's groups, then the Case group
// built from the field set Handoff_Case_Context (field labels, Case field API names, no vendor key).
const CASE_GROUP: ContextGroup = {
  name: 'Case',
  label: 'Case',
  items: [
    {
      label: 'Hand-off Summary',
      value: 'Wants a refund for order 42; already tried the self-service form.',
      fieldApiName: 'Handoff_Summary__c',
      key: null,
      kind: 'text'
    },
    {
      label: 'Hand-off Transcript',
      value: 'https://fin.example.com/c/42/transcript',
      fieldApiName: 'Handoff_Transcript__c',
      key: null,
      kind: 'url'
    },
    { label: 'Priority', value: null, fieldApiName: 'Priority', key: null, kind: 'text' }
  ]
};

const SAMPLE: ContextGroup[] = [
  {
    name: 'Customer',
    label: 'Customer',
    items: [
      {
        label: 'First Name',
        value: 'Ada',
        fieldApiName: 'first_name__c',
        key: '_firstName',
        kind: 'text'
      },
      {
        label: 'Email',
        value: 'ada@example.com',
        fieldApiName: 'email__c',
        key: '_email',
        kind: 'email'
      },
      {
        label: 'Last Name',
        value: null,
        fieldApiName: 'last_name__c',
        key: '_lastName',
        kind: 'text'
      }
    ]
  },
  {
    name: 'Conversation',
    label: 'Conversation',
    items: [
      {
        label: 'Transcript',
        value: 'https://fin.example.com/c/42',
        fieldApiName: 'transcript__c',
        key: 'url',
        kind: 'url'
      },
      {
        label: 'Subject',
        value: 'Refund <b>now</b>',
        fieldApiName: 'subject__c',
        key: '_subject',
        kind: 'text'
      }
    ]
  }
];

function manyAttributes(count: number): ContextGroup[] {
  return [
    {
      name: 'Other',
      label: 'Other',
      items: Array.from({ length: count }, (_, i) => ({
        label: `Attribute ${i + 1}`,
        value: i === 0 ? 'Enterprise' : `value-${i + 1}`,
        fieldApiName: `attr_${i + 1}__c`,
        key: `attr_${i + 1}`,
        kind: 'text'
      }))
    }
  ];
}

function mount(
  recordId = SESSION_ID,
  objectApiName = 'MessagingSession'
): HTMLElement & { recordId?: string; objectApiName?: string } {
  const element = createElement('c-handoff-context', {
    is: HandoffContext
  }) as HTMLElement & { recordId?: string; objectApiName?: string };
  element.recordId = recordId;
  element.objectApiName = objectApiName;
  document.body.appendChild(element);
  return element;
}

// Lets the engine re-render after a wire emit or a property change.
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function root(element: HTMLElement): ShadowRoot {
  return element.shadowRoot as ShadowRoot;
}

function texts(element: HTMLElement, selector: string): string[] {
  return Array.from(root(element).querySelectorAll(selector)).map((node) => (node.textContent ?? '').trim());
}

function toggleShowEmpty(element: HTMLElement, checked: boolean): void {
  const toggle = root(element).querySelector('lightning-input.show-empty') as HTMLInputElement;
  toggle.checked = checked;
  toggle.dispatchEvent(new CustomEvent('change'));
}

function typeFilter(element: HTMLElement, text: string): void {
  const input = root(element).querySelector('lightning-input.filter') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new CustomEvent('change'));
}

function copyButton(element: HTMLElement, label: string): HTMLElement {
  const button = Array.from(root(element).querySelectorAll('lightning-button-icon.copy-button')).find(
    (node) => (node as unknown as { alternativeText: string }).alternativeText === `Copy ${label}`
  );
  if (!button) {
    throw new Error(`no copy button for ${label}`);
  }
  return button as HTMLElement;
}

describe('c-handoff-context', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  describe('loading', () => {
    it('shows a labelled spinner until the Apex data arrives', async () => {
      const element = mount();
      const spinner = root(element).querySelector('lightning-spinner') as unknown as { alternativeText: string };
      expect(spinner).not.toBeNull();
      expect(spinner.alternativeText).toBe('c.Handoff_Loading');
      expect(root(element).querySelector('.context-group')).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('asks Apex for the hand-off data of its record', async () => {
      mount();
      await flush();
      expect(wire.getLastConfig()).toEqual({ recordId: SESSION_ID });
    });
  });

  describe('data', () => {
    it('shows the groups and labels in the order Apex returns them, empty values hidden', async () => {
      const element = mount();
      wire.emit(SAMPLE);
      await flush();

      expect(root(element).querySelector('lightning-spinner')).toBeNull();
      expect(texts(element, '.group-heading')).toEqual(['Customer', 'Conversation']);
      expect(texts(element, '.item-label')).toEqual(['First Name', 'Email', 'Transcript', 'Subject']);
      expect(texts(element, '.item-empty')).toEqual([]);
      const card = root(element).querySelector('lightning-card') as unknown as {
        title: string;
      };
      expect(card.title).toBe('c.Handoff_Context_Title');
    });

    it('renders customer values as text, never as markup', async () => {
      const element = mount();
      wire.emit([
        {
          name: 'Other',
          label: 'Other',
          items: [
            {
              label: 'Evil',
              value: '<img src=x onerror="alert(1)">',
              fieldApiName: 'evil__c',
              key: 'evil',
              kind: 'text'
            }
          ]
        }
      ]);
      await flush();

      expect(root(element).querySelector('img')).toBeNull();
      expect(texts(element, '.item-value')).toEqual(['<img src=x onerror="alert(1)">']);
    });

    it('links http(s) URLs in a new window and e-mail addresses with mailto', async () => {
      const element = mount();
      wire.emit(SAMPLE);
      await flush();

      const links = Array.from(root(element).querySelectorAll('a.item-value')) as HTMLAnchorElement[];
      expect(links.map((a) => a.getAttribute('href'))).toEqual([
        'mailto:ada@example.com',
        'https://fin.example.com/c/42'
      ]);
      const external = links[1];
      expect(external.getAttribute('target')).toBe('_blank');
      expect(external.getAttribute('rel')).toBe('noopener noreferrer');
      expect(root(element).querySelector('.item-value b')).toBeNull();
    });

    it('frames the Copilot workspace only from an allowed https origin', async () => {
      const element = mount();
      const item = (value: string, fieldApiName: string) => ({
        label: 'Copilot',
        value,
        fieldApiName,
        key: fieldApiName,
        kind: 'url',
        frameOrigins: ['https://copilot.example.com']
      });
      wire.emit([
        {
          name: 'Conversation',
          label: 'Conversation',
          items: [
            item('https://copilot.example.com/?sessionId=2&URLToken=t', 'copilot_url__c'),
            item('https://elsewhere.example.com/?sessionId=2', 'other_url__c')
          ]
        }
      ]);
      await flush();

      const frames = Array.from(root(element).querySelectorAll('iframe.copilot-frame')) as HTMLIFrameElement[];
      expect(frames.map((f) => f.getAttribute('src'))).toEqual(['https://copilot.example.com/?sessionId=2&URLToken=t']);
      expect(frames[0].getAttribute('title')).toBe('Copilot');
      // The other origin stays a link the agent may open, never a frame.
      expect((root(element).querySelectorAll('a.item-value') as NodeListOf<HTMLAnchorElement>).length).toBe(2);
    });

    it('never links a javascript: value, even when the server calls it a URL', async () => {
      const element = mount();
      wire.emit([
        {
          name: 'Other',
          label: 'Other',
          items: [
            {
              label: 'Link',
              value: 'javascript:alert(1)',
              fieldApiName: 'link__c',
              key: 'link',
              kind: 'url'
            },
            {
              label: 'Mail',
              value: 'a@b.co?bcc=evil@x.io',
              fieldApiName: 'mail__c',
              key: 'mail',
              kind: 'email'
            }
          ]
        }
      ]);
      await flush();

      expect(root(element).querySelector('a')).toBeNull();
      expect(texts(element, 'span.item-value')).toEqual(['javascript:alert(1)', 'a@b.co?bcc=evil@x.io']);
    });

    it('is accessible with data loaded', async () => {
      const element = mount();
      wire.emit(SAMPLE);
      await flush();
      await expect(element).toBeAccessible();
    });

    it('refreshes the wired data from the refresh button', async () => {
      const element = mount();
      wire.emit(SAMPLE);
      await flush();

      const refresh = root(element).querySelector('lightning-button-icon[slot="actions"]') as HTMLElement;
      expect((refresh as unknown as { alternativeText: string }).alternativeText).toBe('c.Handoff_Refresh');
      refresh.click();
      expect(refreshApex).toHaveBeenCalledTimes(1);
      expect((refreshApex as jest.Mock).mock.calls[0][0]).toMatchObject({
        data: SAMPLE
      });
    });
  });

  describe('show empty toggle', () => {
    it('reveals attributes without a value, marked as empty and not copyable', async () => {
      const element = mount();
      wire.emit(SAMPLE);
      await flush();

      const toggle = root(element).querySelector('lightning-input.show-empty') as unknown as {
        type: string;
        label: string;
        checked: boolean;
      };
      expect(toggle.type).toBe('toggle');
      expect(toggle.label).toBe('c.Handoff_Show_Empty');
      expect(toggle.checked).toBe(false);

      toggleShowEmpty(element, true);
      await flush();
      expect(texts(element, '.item-label')).toEqual(['First Name', 'Email', 'Last Name', 'Transcript', 'Subject']);
      expect(texts(element, '.item-empty')).toEqual(['c.Handoff_Empty_Value']);
      const lastName = root(element).querySelector('[data-field="last_name__c"]') as HTMLElement;
      expect(lastName.querySelector('lightning-button-icon')).toBeNull();

      toggleShowEmpty(element, false);
      await flush();
      expect(texts(element, '.item-empty')).toEqual([]);
    });
  });

  describe('empty', () => {
    it('says there is no hand-off data when Apex returns no group', async () => {
      const element = mount();
      wire.emit([]);
      await flush();

      expect(texts(element, '.empty-state')).toEqual(['No hand-off data on this session.']);
      expect(root(element).querySelector('lightning-input')).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('says so when every value is empty, and still lets the agent show them', async () => {
      const element = mount();
      wire.emit([
        {
          name: 'Customer',
          label: 'Customer',
          items: [
            {
              label: 'Email',
              value: '  ',
              fieldApiName: 'email__c',
              key: '_email',
              kind: 'text'
            }
          ]
        }
      ]);
      await flush();
      expect(root(element).querySelector('.empty-state')).not.toBeNull();

      toggleShowEmpty(element, true);
      await flush();
      expect(root(element).querySelector('.empty-state')).toBeNull();
      expect(texts(element, '.item-label')).toEqual(['Email']);
    });
  });

  describe('on a Case record page', () => {
    it("asks Apex for the Case's data and shows the Case group after the session's", async () => {
      const element = mount(CASE_ID, 'Case');
      await flush();
      expect(wire.getLastConfig()).toEqual({ recordId: CASE_ID });

      wire.emit([...SAMPLE, CASE_GROUP]);
      await flush();

      expect(texts(element, '.group-heading')).toEqual(['Customer', 'Conversation', 'Case']);
      const caseGroup = root(element).querySelector('.context-group[data-group="Case"]') as HTMLElement;
      const fields = Array.from(caseGroup.querySelectorAll('.context-item')).map(
        (node) => (node as HTMLElement).dataset.field
      );
      expect(fields).toEqual(['Handoff_Summary__c', 'Handoff_Transcript__c']);
      expect((caseGroup.querySelector('span.item-value')?.textContent ?? '').trim()).toBe(
        'Wants a refund for order 42; already tried the self-service form.'
      );
      const link = caseGroup.querySelector('a.item-value') as HTMLAnchorElement;
      expect(link.getAttribute('href')).toBe('https://fin.example.com/c/42/transcript');
      await expect(element).toBeAccessible();
    });

    it('shows the Case group alone when the Case has no session (a Case the vendor created)', async () => {
      const element = mount(CASE_ID, 'Case');
      wire.emit([CASE_GROUP]);
      await flush();

      expect(texts(element, '.group-heading')).toEqual(['Case']);
      expect(root(element).querySelector('.empty-state')).toBeNull();
      toggleShowEmpty(element, true);
      await flush();
      expect(texts(element, '.item-label')).toEqual(['Hand-off Summary', 'Hand-off Transcript', 'Priority']);
    });

    it('says the Case has no hand-off data when nothing is readable or filled', async () => {
      const element = mount(CASE_ID, 'Case');
      wire.emit([{ ...CASE_GROUP, items: [{ ...CASE_GROUP.items[2] }] }]);
      await flush();

      expect(texts(element, '.empty-state')).toEqual(['No hand-off data on this Case.']);
      expect(root(element).querySelector('.context-group')).toBeNull();

      wire.emit([]);
      await flush();
      expect(texts(element, '.empty-state')).toEqual(['No hand-off data on this Case.']);
      await expect(element).toBeAccessible();
    });
  });

  describe('error', () => {
    it('shows the Apex error message in an alert', async () => {
      const element = mount();
      wire.error({ message: 'Hand-off data could not be read.' });
      await flush();

      const alert = root(element).querySelector('.error-state') as HTMLElement;
      expect(alert.getAttribute('role')).toBe('alert');
      expect(texts(element, '.error-state h2')).toEqual(['c.Handoff_Error_Title']);
      expect(texts(element, '.error-message')).toEqual(['Hand-off data could not be read.']);
      expect(root(element).querySelector('.context-group')).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('falls back to the generic message when the error has none', async () => {
      const element = mount();
      wire.error({});
      await flush();
      expect(texts(element, '.error-message')).toEqual(['c.Handoff_Error_Load']);
    });

    it('recovers when data arrives after an error', async () => {
      const element = mount();
      wire.error({ message: 'Down' });
      await flush();
      wire.emit(SAMPLE);
      await flush();
      expect(root(element).querySelector('.error-state')).toBeNull();
      expect(texts(element, '.group-heading')).toEqual(['Customer', 'Conversation']);
    });
  });

  describe('filter', () => {
    it('is not offered for 15 attributes or fewer', async () => {
      const element = mount();
      wire.emit(manyAttributes(15));
      await flush();
      expect(root(element).querySelector('lightning-input.filter')).toBeNull();
    });

    it('is offered, labelled, for more than 15 attributes and filters by label or value', async () => {
      const element = mount();
      wire.emit(manyAttributes(16));
      await flush();

      const filter = root(element).querySelector('lightning-input.filter') as unknown as {
        label: string;
        type: string;
      };
      expect(filter.label).toBe('c.Handoff_Filter_Label');
      expect(filter.type).toBe('search');
      expect(root(element).querySelectorAll('.context-item')).toHaveLength(16);

      typeFilter(element, 'attribute 1');
      await flush();
      expect(texts(element, '.item-label')).toEqual([
        'Attribute 1',
        'Attribute 10',
        'Attribute 11',
        'Attribute 12',
        'Attribute 13',
        'Attribute 14',
        'Attribute 15',
        'Attribute 16'
      ]);

      typeFilter(element, 'ENTERPRISE');
      await flush();
      expect(texts(element, '.item-label')).toEqual(['Attribute 1']);
      await expect(element).toBeAccessible();
    });

    it('says when nothing matches', async () => {
      const element = mount();
      wire.emit(manyAttributes(20));
      await flush();

      typeFilter(element, 'no such thing');
      await flush();
      expect(root(element).querySelectorAll('.context-item')).toHaveLength(0);
      expect(texts(element, '.no-match')).toEqual(['c.Handoff_No_Match']);

      typeFilter(element, '');
      await flush();
      expect(root(element).querySelectorAll('.context-item')).toHaveLength(20);
    });
  });

  describe('copy', () => {
    const originalClipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    const originalExecCommand = document.execCommand;

    function setClipboard(value: unknown): void {
      Object.defineProperty(navigator, 'clipboard', {
        value,
        configurable: true
      });
    }

    afterEach(() => {
      if (originalClipboard) {
        Object.defineProperty(navigator, 'clipboard', originalClipboard);
      } else {
        delete (navigator as unknown as { clipboard?: unknown }).clipboard;
      }
      document.execCommand = originalExecCommand;
    });

    async function loaded(): Promise<{
      element: HTMLElement;
      toasts: jest.Mock;
    }> {
      const element = mount();
      const toasts = jest.fn();
      element.addEventListener('lightning__showtoast', toasts);
      wire.emit(SAMPLE);
      await flush();
      return { element, toasts };
    }

    it('gives every copy button an accessible name', async () => {
      const { element } = await loaded();
      const names = Array.from(root(element).querySelectorAll('lightning-button-icon.copy-button')).map(
        (node) => (node as unknown as { alternativeText: string }).alternativeText
      );
      expect(names).toEqual(['Copy First Name', 'Copy Email', 'Copy Transcript', 'Copy Subject']);
    });

    it('copies the value to the clipboard and confirms with a toast', async () => {
      const writeText = jest.fn(() => Promise.resolve());
      setClipboard({ writeText });
      const { element, toasts } = await loaded();

      copyButton(element, 'Subject').click();
      await flush();

      expect(writeText).toHaveBeenCalledWith('Refund <b>now</b>');
      expect(toasts).toHaveBeenCalledTimes(1);
      expect(toasts.mock.calls[0][0].detail).toEqual({
        title: 'c.Handoff_Copied',
        message: 'Subject',
        variant: 'success'
      });
    });

    it('shows an error toast when the clipboard refuses', async () => {
      setClipboard({
        writeText: jest.fn(() => Promise.reject(new Error('denied')))
      });
      const { element, toasts } = await loaded();

      copyButton(element, 'Email').click();
      await flush();

      expect(toasts.mock.calls[0][0].detail).toMatchObject({
        title: 'c.Handoff_Copy_Failed',
        variant: 'error'
      });
    });

    it('falls back to a selected textarea when the Clipboard API is missing', async () => {
      setClipboard(undefined);
      let copied: string | undefined;
      document.execCommand = jest.fn(() => {
        copied =
          (document.activeElement as HTMLTextAreaElement | null)?.value ?? document.querySelector('textarea')?.value;
        return true;
      });
      const { element, toasts } = await loaded();

      copyButton(element, 'First Name').click();
      await flush();

      expect(document.execCommand).toHaveBeenCalledWith('copy');
      expect(copied).toBe('Ada');
      expect(document.querySelector('textarea')).toBeNull();
      expect(toasts.mock.calls[0][0].detail).toMatchObject({
        variant: 'success'
      });
    });

    it('reports a failure when the fallback copy is refused', async () => {
      setClipboard(undefined);
      document.execCommand = jest.fn(() => false);
      const { element, toasts } = await loaded();

      copyButton(element, 'First Name').click();
      await flush();

      expect(toasts.mock.calls[0][0].detail).toMatchObject({
        variant: 'error'
      });
    });
  });
});
