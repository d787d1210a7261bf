// The Cypher of "as of a date" is the model's (`asOfCypher` in @cangshan/model, beside the
// JavaScript of the same rule and the table of cases both pass).
export { asOfCypher as asOfFragment } from '@cangshan/model';
