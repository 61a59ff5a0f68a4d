// Pure view logic of handoffContext: what the Apex controller returns, and how it becomes what the
// template renders (filtering, empty values, safe links). Kept apart from the component so it is
// testable without the DOM.
/** More attributes than this and the filter box appears. */
export const FILTER_THRESHOLD = 15;
const HTTP_URL = /^https?:\/\/[^\s<>"]+$/i;
const EMAIL = /^[A-Za-z0-9.!#$%'*+/=^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
/**
 * The href for a value, or undefined when it must render as text. The kind the server sent is only a
 * hint: the value itself is re-checked here, so a `javascript:` or malformed value never becomes a link.
 */
export function safeHref(value, kind) {
    const trimmed = value.trim();
    if (kind === 'url' && HTTP_URL.test(trimmed)) {
        try {
            const url = new URL(trimmed);
            return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
        }
        catch {
            return undefined;
        }
    }
    if (kind === 'email' && EMAIL.test(trimmed)) {
        return `mailto:${trimmed}`;
    }
    return undefined;
}
/** Whether an origin is allowed: equal (case-insensitive), or under a `https://*.example.com` wildcard (subdomains only). */
function originAllowed(url, allowed) {
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
export function frameSrc(value, origins) {
    if (!origins || origins.length === 0) {
        return undefined;
    }
    let url;
    try {
        url = new URL(value.trim());
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') {
        return undefined;
    }
    return origins.some((o) => originAllowed(url, o)) ? url.href : undefined;
}
/** Fills `{0}`, `{1}`… in a custom label, the way the platform's label format does. */
export function formatLabel(template, ...args) {
    return template.replace(/\{(\d+)\}/g, (match, index) => args[Number(index)] ?? match);
}
export function toItemView(groupName, index, item, copyTemplate) {
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
export function countItems(groups) {
    return groups.reduce((total, group) => total + group.items.length, 0);
}
export function hasAnyValue(groups) {
    return groups.some((group) => group.items.some((item) => typeof item.value === 'string' && item.value.trim() !== ''));
}
function matches(item, needle) {
    return (needle === '' ||
        item.label.toLowerCase().includes(needle) ||
        item.value.toLowerCase().includes(needle) ||
        item.fieldApiName.toLowerCase().includes(needle));
}
/** The groups and items to render: empty values only when asked for, then the filter; empty groups dropped. */
export function visibleGroups(groups, options) {
    const needle = options.filter.trim().toLowerCase();
    const result = [];
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
export function errorMessage(error, fallback) {
    const messages = [];
    const collect = (candidate) => {
        if (Array.isArray(candidate)) {
            candidate.forEach(collect);
        }
        else if (candidate && typeof candidate === 'object') {
            const record = candidate;
            if (typeof record.message === 'string' && record.message !== '') {
                messages.push(record.message);
            }
            else if (record.body !== undefined) {
                collect(record.body);
            }
        }
    };
    collect(error);
    return messages.length > 0 ? messages.join(' ') : fallback;
}
