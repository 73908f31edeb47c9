/** Free text made safe to print (control, bidi and zero-width characters as JSON-style escapes): the one escaping of core/messages.ts. */
export { escapeText, RAW_UNSAFE_CLASS, unicodeEscape } from './messages.js';
