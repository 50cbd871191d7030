// The local twin of the Apps Script services (see README.md).
export { createTwin, loadAddon, assertTransferable, type LoadOptions, type LoadedAddon } from './load';
export { Twin, type TwinOptions, type TwinServices, type FormSubmitEvent } from './twin';
export { AuthMode, Button, ButtonSet, type AuthModeName } from './enums';
export { ChartType } from './spreadsheet/charts';
export { MAX_EXECUTION_MS, type ExecutionReport } from './runtime';
export { DEFAULT_COSTS, type CostModel } from './clock';
export { PUBLISHED_COSTS, classifyCall, CostMeter, type CallKind, type CostRecord, type RealCosts } from './costModel';
export type { RecordedMenu, RecordedAlert, RecordedPanel, RecordedToast, MenuEntry } from './ui';
