import { errorMessage, formatLabel, frameSrc, safeHref, toItemView, visibleGroups } from '../contextView';
import type { ContextGroup } from '../contextView';

describe('safeHref', () => {
  it.each([
    ['https://example.com/a?b=c', 'url', 'https://example.com/a?b=c'],
    ['  HTTP://Example.com  ', 'url', 'http://example.com/'],
    ['ada@example.co.uk', 'email', 'mailto:ada@example.co.uk']
  ])('links %s (%s)', (value, kind, href) => {
    expect(safeHref(value, kind)).toBe(href);
  });

  it.each([
    ['javascript:alert(1)', 'url'],
    ['data:text/html,<script>alert(1)</script>', 'url'],
    ['https://exa mple.com', 'url'],
    ['https://', 'url'],
    ['https://example.com', 'text'],
    ['https://example.com', null],
    ['ada@example.com', 'url'],
    ['ada@example.com?bcc=x@y.z', 'email'],
    ['not an email', 'email']
  ])('keeps %s (%s) as text', (value, kind) => {
    expect(safeHref(value, kind)).toBeUndefined();
  });
});

describe('formatLabel', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(formatLabel('Copy {0} to {1}', 'Email')).toBe('Copy Email to {1}');
  });
});

describe('toItemView', () => {
  it('gives a non-string value no text and no copy', () => {
    const view = toItemView('Other', 0, { label: 'Plan', value: undefined, fieldApiName: 'plan__c' }, 'Copy {0}');
    expect(view).toMatchObject({
      value: '',
      hasValue: false,
      isText: false,
      isUrl: false,
      href: undefined
    });
  });
});

describe('visibleGroups', () => {
  const groups: ContextGroup[] = [
    {
      name: 'Customer',
      label: 'Customer',
      items: [{ label: 'Email', value: '', fieldApiName: 'email__c' }]
    },
    {
      name: 'Location',
      label: 'Location',
      items: [{ label: 'City', value: 'Paris', fieldApiName: 'city__c' }]
    }
  ];

  it('drops groups left without items and matches field API names', () => {
    expect(
      visibleGroups(groups, {
        showEmpty: false,
        filter: '',
        copyTemplate: ''
      }).map((g) => g.name)
    ).toEqual(['Location']);
    expect(
      visibleGroups(groups, {
        showEmpty: true,
        filter: 'EMAIL__C',
        copyTemplate: ''
      }).map((g) => g.name)
    ).toEqual(['Customer']);
  });
});

describe('errorMessage', () => {
  it('reads wire errors, JS errors and lists of them', () => {
    expect(errorMessage({ status: 500, body: { message: 'Apex said no' } }, 'fallback')).toBe('Apex said no');
    expect(errorMessage(new Error('boom'), 'fallback')).toBe('boom');
    expect(errorMessage([{ message: 'a' }, { body: [{ message: 'b' }] }], 'fallback')).toBe('a b');
    expect(errorMessage(undefined, 'fallback')).toBe('fallback');
    expect(errorMessage({ body: {} }, 'fallback')).toBe('fallback');
  });
});

describe('frameSrc (Cognigy Agent Copilot)', () => {
  const allowed = ['https://copilot.example.com', 'https://*.cognigy.ai'];

  it.each([
    [
      'https://copilot.example.com/?userId=1&sessionId=2&URLToken=3',
      'https://copilot.example.com/?userId=1&sessionId=2&URLToken=3'
    ],
    ['  HTTPS://Copilot.Example.com/x  ', 'https://copilot.example.com/x'],
    ['https://eu.cognigy.ai/?sessionId=2', 'https://eu.cognigy.ai/?sessionId=2']
  ])('frames %s from an allowed origin', (value, src) => {
    expect(frameSrc(value, allowed)).toBe(src);
  });

  it.each([
    ['http://copilot.example.com/', 'not https'],
    ['https://copilot.example.com.evil.test/', 'another host that starts like an allowed one'],
    ['https://evil.test/?u=https://copilot.example.com', 'an allowed origin in the query only'],
    ['https://cognigy.ai/', 'the wildcard covers subdomains only'],
    ['https://copilot.example.com:8443/', 'another port'],
    ['https://user:pw@copilot.example.com/', 'credentials in the URL'],
    ['javascript:alert(1)', 'a script URL'],
    ['copilot.example.com', 'not a URL']
  ])('never frames %s (%s)', (value) => {
    expect(frameSrc(value, allowed)).toBeUndefined();
  });

  it('frames nothing without an allow-list', () => {
    expect(frameSrc('https://copilot.example.com/', undefined)).toBeUndefined();
    expect(frameSrc('https://copilot.example.com/', [])).toBeUndefined();
  });

  it('marks only the item with allowed origins as a frame', () => {
    const url = 'https://copilot.example.com/?sessionId=2';
    const copilot = toItemView(
      'Conversation',
      0,
      { label: 'Copilot', value: url, fieldApiName: 'copilot_url__c', kind: 'url', frameOrigins: allowed },
      'Copy {0}'
    );
    const plain = toItemView(
      'Conversation',
      1,
      { label: 'Link', value: url, fieldApiName: 'link__c', kind: 'url' },
      'Copy {0}'
    );
    expect([copilot.isFrame, copilot.frameSrc, copilot.isUrl]).toEqual([true, url, true]);
    expect([plain.isFrame, plain.frameSrc]).toEqual([false, undefined]);
  });
});
