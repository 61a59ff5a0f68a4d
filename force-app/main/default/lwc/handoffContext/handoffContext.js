// handoffContext: what the AI agent already knew when it handed the conversation over, on the
// Messaging Session record page; on a Case page, the linked session's attributes and then the Case's own
// fields from the field set Handoff_Case_Context (a "Case" group, built by the controller). Values are customer-supplied: they are rendered
// through text bindings only, and links are built only from re-validated http(s) and e-mail values.
import { LightningElement, api, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { refreshApex } from '@salesforce/apex';
import getContext from '@salesforce/apex/HandoffContextController.getContext';
import TITLE from '@salesforce/label/c.Handoff_Context_Title';
import SHOW_EMPTY from '@salesforce/label/c.Handoff_Show_Empty';
import FILTER_LABEL from '@salesforce/label/c.Handoff_Filter_Label';
import FILTER_PLACEHOLDER from '@salesforce/label/c.Handoff_Filter_Placeholder';
import NO_MATCH from '@salesforce/label/c.Handoff_No_Match';
import COPY from '@salesforce/label/c.Handoff_Copy';
import COPIED from '@salesforce/label/c.Handoff_Copied';
import COPY_FAILED from '@salesforce/label/c.Handoff_Copy_Failed';
import LOADING from '@salesforce/label/c.Handoff_Loading';
import EMPTY from '@salesforce/label/c.Handoff_Empty';
import EMPTY_CASE from '@salesforce/label/c.Handoff_Empty_Case';
import EMPTY_VALUE from '@salesforce/label/c.Handoff_Empty_Value';
import ERROR_TITLE from '@salesforce/label/c.Handoff_Error_Title';
import ERROR_LOAD from '@salesforce/label/c.Handoff_Error_Load';
import REFRESH from '@salesforce/label/c.Handoff_Refresh';
import OPENS_NEW_WINDOW from '@salesforce/label/c.Handoff_Opens_New_Window';
import { FILTER_THRESHOLD, countItems, errorMessage, hasAnyValue, visibleGroups } from './contextView';
const LABELS = {
    title: TITLE,
    showEmpty: SHOW_EMPTY,
    filterLabel: FILTER_LABEL,
    filterPlaceholder: FILTER_PLACEHOLDER,
    noMatch: NO_MATCH,
    loading: LOADING,
    emptyValue: EMPTY_VALUE,
    errorTitle: ERROR_TITLE,
    refresh: REFRESH,
    opensNewWindow: OPENS_NEW_WINDOW
};
/** Copies text to the clipboard: the async Clipboard API, else a selected off-screen textarea. */
async function copyText(text) {
    if (typeof navigator !== 'undefined' && navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
        await navigator.clipboard.writeText(text);
        return;
    }
    const buffer = document.createElement('textarea');
    buffer.value = text;
    buffer.setAttribute('readonly', '');
    buffer.style.position = 'fixed';
    buffer.style.opacity = '0';
    document.body.appendChild(buffer);
    try {
        buffer.select();
        if (!document.execCommand('copy')) {
            throw new Error('copy command refused');
        }
    }
    finally {
        document.body.removeChild(buffer);
    }
}
export default class HandoffContext extends LightningElement {
    /** The MessagingSession or Case Id, set by the record page. */
    @api
    recordId;
    /** The record page's object (`MessagingSession` or `Case`), set by the record page. */
    @api
    objectApiName;
    labels = LABELS;
    groups;
    error;
    showEmpty = false;
    filterText = '';
    provisioned;
    @wire(getContext, { recordId: '$recordId' })
    wiredContext(result) {
        this.provisioned = result;
        if (result.data) {
            this.groups = result.data;
            this.error = undefined;
        }
        else if (result.error) {
            this.groups = undefined;
            this.error = result.error;
        }
    }
    get isLoading() {
        return this.groups === undefined && this.error === undefined;
    }
    get hasError() {
        return this.error !== undefined;
    }
    get errorMessage() {
        return errorMessage(this.error, ERROR_LOAD);
    }
    get hasItems() {
        return countItems(this.groups ?? []) > 0;
    }
    /** "No hand-off data": nothing configured, nothing readable, or every value empty (and hidden). */
    get isEmpty() {
        return !hasAnyValue(this.groups ?? []) && !(this.showEmpty && this.hasItems);
    }
    /** The empty state names what the page shows: the session, or the Case. */
    get emptyMessage() {
        return this.objectApiName === 'Case' ? EMPTY_CASE : EMPTY;
    }
    get showFilter() {
        return countItems(this.groups ?? []) > FILTER_THRESHOLD;
    }
    get visibleGroups() {
        return visibleGroups(this.groups ?? [], {
            showEmpty: this.showEmpty,
            filter: this.showFilter ? this.filterText : '',
            copyTemplate: COPY
        });
    }
    get hasNoMatch() {
        return !this.isEmpty && this.visibleGroups.length === 0;
    }
    handleShowEmptyChange(event) {
        this.showEmpty = Boolean(event.target.checked);
    }
    handleFilterChange(event) {
        this.filterText = String(event.target.value ?? '');
    }
    handleRefresh() {
        return refreshApex(this.provisioned);
    }
    async handleCopy(event) {
        const id = event.currentTarget.dataset.id;
        const item = this.findItem(id);
        if (!item) {
            return;
        }
        try {
            await copyText(item.value);
            this.dispatchEvent(new ShowToastEvent({
                title: COPIED,
                message: item.label,
                variant: 'success'
            }));
        }
        catch {
            this.dispatchEvent(new ShowToastEvent({
                title: COPY_FAILED,
                message: item.label,
                variant: 'error'
            }));
        }
    }
    findItem(id) {
        for (const group of this.visibleGroups) {
            const found = group.items.find((item) => item.id === id);
            if (found) {
                return found;
            }
        }
        return undefined;
    }
}
