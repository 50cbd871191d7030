/**
 * The parameters of every custom function, as data: their names (the same as in the JSDoc of
 * src/entry/customFunctions.js, which Sheets shows), whether they may be omitted, and whether they
 * line up with the rows of the result ('rows') or are read whole ('whole': boundaries, names, the
 * zone share). Formula engines use it to predict the height of a spilled result; tests use it to
 * check the entry file.
 */

export interface ParamSpec {
  name: string;
  optional: boolean;
  alignment: 'rows' | 'whole';
}

const rows = (name: string, optional = false): ParamSpec => ({ name, optional, alignment: 'rows' });
const whole = (name: string, optional = false): ParamSpec => ({ name, optional, alignment: 'whole' });

export const CUSTOM_FUNCTION_SIGNATURES = {
  ISBSH: [
    rows('both_parents_higher'),
    rows('comfortable_housing'),
    rows('single_parent'),
    rows('registered'),
    rows('non_native_russian'),
    rows('total', true),
  ],
  ISBSH_LEVEL: [rows('isbsh'), whole('boundaries', true)],
  ISBSH_ZONE: [rows('isbsh_values'), rows('groups', true), whole('share', true)],
  SHNOR_STATUS: [rows('current_shares'), rows('previous_shares'), rows('threshold', true)],
  SHNOR_REASON: [rows('current_shares'), rows('previous_shares'), whole('procedure_names'), rows('threshold', true)],
  FIOKO_CLUSTER: [rows('current_shares'), rows('previous_shares'), rows('threshold', true)],
  RESULT_DYNAMICS: [rows('previous_share'), rows('current_share')],
  CLUSTER_DYNAMICS: [rows('previous_cluster'), rows('current_cluster')],
} as const satisfies Record<string, readonly ParamSpec[]>;

export type CustomFunctionName = keyof typeof CUSTOM_FUNCTION_SIGNATURES;

export const CUSTOM_FUNCTION_NAMES = Object.keys(CUSTOM_FUNCTION_SIGNATURES) as CustomFunctionName[];
