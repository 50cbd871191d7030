// The local twin of the Apps Script services (see README.md).
export { createTwin, loadAddon, type LoadOptions, type LoadedAddon } from './load';
export { Twin, type TwinOptions } from './twin';
export { ChartType } from './spreadsheet/charts';
export { MAX_EXECUTION_MS } from './runtime';
export { PUBLISHED_COSTS, classifyCall } from './costModel';
