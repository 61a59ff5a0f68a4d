// Pure view logic of handoffContext: what the Apex controller returns, and how it becomes what the
// template renders (filtering, empty values, safe links). Kept apart from the component so it is
// testable without the DOM.

/** How a value renders: a link only for http(s) URLs and e-mail addresses, otherwise plain text. */
export type ValueKind = 'text' | 'url' | 'email';

/** One attribute as HandoffContextController.ContextItem returns it. */
export interface ContextItem {
  label: string;
  value?: string | null;
  fieldApiName: string;
  key?: string | null;
  kind?: string | null;
  /** Origins the value may be framed from (the Copilot attribute's, from `copilot.allowedOrigins`); none for others. */
  frameOrigins?: string[] | null;
}

/** One group as HandoffContextController.ContextGroup returns it. */
export interface ContextGroup {
  name: string;
  label: string;
  items: ContextItem[];
}

/** An attribute ready for the template: every flag the template branches on is precomputed. */
export interface ItemView {
  id: string;
  label: string;
  value: string;
  fieldApiName: string;
  hasValue: boolean;
  isUrl: boolean;
  isEmail: boolean;
  isText: boolean;
  href: string | undefined;
  copyLabel: string;
  /** The URL to frame (Cognigy Agent Copilot): set only for an https value from an allowed origin. */
  frameSrc: string | undefined;
  isFrame: boolean;
}

export interface GroupView {
  name: string;
  label: string;
  items: ItemView[];
}

export interface ViewOptions {
  showEmpty: boolean;
  filter: string;
  copyTemplate: string;
}

/** More attributes than this and the filter box appears. */
export const FILTER_THRESHOLD = 15;

const HTTP_URL = /^https?:\/\/[^\s<>"]+$/i;
const EMAIL = /^[A-Za-z0-9.!#$%'*+/=^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/**
 * The href for a value, or undefined when it must render as text. The kind the server sent is only a
 * hint: the value itself is re-checked here, so a `javascript:` or malformed value never becomes a link.
 */
export function safeHref(value: string, kind: string | null | undefined): string | undefined {
  const trimmed = value.trim();
  if (kind === 'url' && HTTP_URL.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  }
  if (kind === 'email' && EMAIL.test(trimmed)) {
    return `mailto:${trimmed}`;
  }
  return undefined;
}

/** Whether an origin is allowed: equal (case-insensitive), or under a `https://*.example.com` wildcard (subdomains only). */
function originAllowed(url: URL, allowed: string): boolean {
  const pattern = allowed.trim().toLowerCase();
  const wildcard = /^https:\/\/\*\.([^/:]+)(:\d+)?$/.exec(pattern);
  if (!wildcard) {
    return url.origin.toLowerCase() === pattern;
  }
  const port = wildcard[2] ? wildcard[2].slice(1) : '';
  return url.hostname.toLowerCase().endsWith(`.${wildcard[1]}`) && url.port === port;
}

/**
 * The src for an iframe, or undefined. Only an https URL whose origin is on the allow-list from the
 * config is framed; anything else (http, javascript:, another host) stays a plain value or link.
 */
export function frameSrc(value: string, origins: readonly string[] | null | undefined): string | undefined {
  if (!origins || origins.length === 0) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') {
    return undefined;
  }
  return origins.some((o) => originAllowed(url, o)) ? url.href : undefined;
}

/** Fills `{0}`, `{1}`… in a custom label, the way the platform's label format does. */
export function formatLabel(template: string, ...args: string[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => args[Number(index)] ?? match);
}

export function toItemView(groupName: string, index: number, item: ContextItem, copyTemplate: string): ItemView {
  const value = typeof item.value === 'string' ? item.value : '';
  const hasValue = value.trim() !== '';
  const href = hasValue ? safeHref(value, item.kind) : undefined;
  const isUrl = href !== undefined && item.kind === 'url';
  const isEmail = href !== undefined && item.kind === 'email';
  const frame = hasValue ? frameSrc(value, item.frameOrigins) : undefined;
  return {
    id: `${groupName}-${index}-${item.fieldApiName}`,
    label: item.label,
    value,
    fieldApiName: item.fieldApiName,
    hasValue,
    isUrl,
    isEmail,
    isText: hasValue && !isUrl && !isEmail,
    href,
    copyLabel: formatLabel(copyTemplate, item.label),
    frameSrc: frame,
    isFrame: frame !== undefined
  };
}

export function countItems(groups: readonly ContextGroup[]): number {
  return groups.reduce((total, group) => total + group.items.length, 0);
}

export function hasAnyValue(groups: readonly ContextGroup[]): boolean {
  return groups.some((group) => group.items.some((item) => typeof item.value === 'string' && item.value.trim() !== ''));
}

function matches(item: ItemView, needle: string): boolean {
  return (
    needle === '' ||
    item.label.toLowerCase().includes(needle) ||
    item.value.toLowerCase().includes(needle) ||
    item.fieldApiName.toLowerCase().includes(needle)
  );
}

/** The groups and items to render: empty values only when asked for, then the filter; empty groups dropped. */
export function visibleGroups(groups: readonly ContextGroup[], options: ViewOptions): GroupView[] {
  const needle = options.filter.trim().toLowerCase();
  const result: GroupView[] = [];
  for (const group of groups) {
    const items = group.items
      .map((item, index) => toItemView(group.name, index, item, options.copyTemplate))
      .filter((item) => (options.showEmpty || item.hasValue) && matches(item, needle));
    if (items.length > 0) {
      result.push({ name: group.name, label: group.label, items });
    }
  }
  return result;
}

/** A readable message from a wire or Apex error (AuraHandledException body, JS error, or list of them). */
export function errorMessage(error: unknown, fallback: string): string {
  const messages: string[] = [];
  const collect = (candidate: unknown): void => {
    if (Array.isArray(candidate)) {
      candidate.forEach(collect);
    } else if (candidate && typeof candidate === 'object') {
      const record = candidate as { body?: unknown; message?: unknown };
      if (typeof record.message === 'string' && record.message !== '') {
        messages.push(record.message);
      } else if (record.body !== undefined) {
        collect(record.body);
      }
    }
  };
  collect(error);
  return messages.length > 0 ? messages.join(' ') : fallback;
}
