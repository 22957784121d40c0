/**
 * The credit engine: pure code (no I/O) that reads, prints, converts and composes photo
 * credits. See issue "Cutline 2/6: credit lines" and docs/METADATA.md.
 */

export { AGENCY_LIST } from './agency-list';
export {
  type ComposedCredit,
  type CreditFields,
  type CreditInput,
  type CreditInputs,
  composeCredit,
  fieldsFromCredit,
} from './compose-credit';
export {
  CREDIT_STYLE_IDS,
  type Credit,
  type CreditStyleId,
  hasCreditParts,
  isCreditStyleId,
  isStaffShape,
  makeCredit,
  type ParsedCredit,
} from './credit';
export { type CreditBlockOptions, creditBlock } from './credit-block';
export {
  buildCreditDirectory,
  type CreditDirectory,
  type CreditFieldPair,
  type DirectoryEntry,
  type DirectoryVariant,
  personKey,
} from './credit-directory';
export { creditFromJson } from './credit-json';
export { looksLikeOrganisation, looksLikePerson } from './credit-names';
export {
  CreditTemplateError,
  type CustomStyle,
  compileCreditTemplate,
  TEMPLATE_PLACEHOLDERS,
} from './credit-template';
export { collapseSpaces, creditTextKey, stripOuterParentheses } from './credit-text';
export { CreditStyleError, type FormatOptions, formatCredit } from './format-credit';
export {
  creditStyleProblem,
  findCreditStyle,
  type HouseStyle,
  houseStyleOf,
} from './house-credit';
export {
  type AgencyEntry,
  type AgencyKind,
  type AgencyRegistry,
  agencyKey,
  createAgencyRegistry,
  defaultAgencyRegistry,
  knownAgencies,
  readAgencyList,
} from './known-agencies';
export { parseCredit, SURE_CONFIDENCE, trimCreditText } from './parse-credit';
export { SPLIT_CONFIDENCE, type SplitCaption, splitCaption } from './split-caption';
