/** The YAML seam: one `parse()`, the positions it returns, and what the loader needs besides. */
export { parse, decodeText, scanDisableComments, MAX_DEPTH, MAX_ALIAS_EXPANSION, type ParsedSource, type SyntaxProblem, type DecodedText } from './parse.js';
export { LineIndex, Locator, isObject, type ContainerOffsets } from './positions.js';
