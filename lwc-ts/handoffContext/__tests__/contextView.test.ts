import { errorMessage, formatLabel, safeHref, toItemView, visibleGroups } from '../contextView';
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
