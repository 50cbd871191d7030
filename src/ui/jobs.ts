import { computeReport, type Report } from '../core/pipeline';
import { estimateRoadmapCells, ROADMAP_SHEET_CELLS, runPeakCells, SHEETS_CELL_LIMIT, schoolsThatFit } from '../core/cellBudget';
import { FACTOR_SHEET_NAME } from '../core/factors';
import { CATALOG_SHEET_NAME } from '../core/catalog';
import { UserError } from '../core/errors';
import type { Settings } from '../core/settings';
import { loadInputs, type LoadedInputs } from '../sheets/loadInputs';
import { COMBINED_ROADMAPS, ROADMAP_PREFIX, SHEET_NAMES } from '../sheets/names';
import { gridOf, type SheetSpec } from '../sheets/sheetSpec';
import { workbookOf } from '../sheets/workbook';
import { stageSheet, swapIn, DRAFT_SUFFIX } from '../sheets/writer';
import { isbshSheet } from '../sheets/outputs/isbshSheet';
import { shnorSheet } from '../sheets/outputs/shnorSheet';
import {
  clusterDynamicsSheet,
  dynamicsSheet,
  federalComparisonSheet,
  indicatorsSheet,
  municipalitiesSheet,
} from '../sheets/outputs/summarySheets';
import { riskProfilesSheet } from '../sheets/outputs/riskProfilesSheet';
import { dataCheckSheet } from '../sheets/outputs/dataCheckSheet';
import { historySheet, shnorByYearSheet } from '../sheets/outputs/historySheets';
import { groupClustersSheet, groupDynamicsSheet } from '../sheets/outputs/groupSheets';
import {
  ensureReferenceSheets,
  generateRoadmaps,
  roadmapAreasOfSheet,
  roadmapTargets,
  writeMonitoring,
  type WrittenRoadmaps,
} from '../sheets/roadmapSheets';
import { applyProtections } from '../sheets/protections';
import {
  accessCaveats,
  combinedRoadmapProtections,
  protectedSheetNames,
  roadmapProtections,
  schoolPeople,
  sheetProtections,
} from '../sheets/accessPlan';
import { combinedAreas } from '../sheets/combinedRoadmaps';
import type { RunKind, RunOptions, RunSummary } from './contract';
import { fingerprint } from './fingerprint';
import { UI } from './messages';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What one execution knows; inputs are read once per execution and only when a step needs them. */
export class JobContext {
  private read: LoadedInputs | null = null;
  private loaded: { inputs: LoadedInputs; report: Report } | null = null;
  private print: string | null = null;
  private specs = new Map<string, SheetSpec>();
  constructor(
    readonly ss: Spreadsheet,
    readonly settings: Settings,
    readonly options: RunOptions,
    readonly today: Date,
    readonly timeZone: string,
    /** True when every step runs in this one execution (the menu, the trigger), not step by step from the sidebar. */
    readonly oneExecution = false,
  ) {}

  /**
   * Called between the parts of a step: a step-by-step run sets it to stop when the user has cancelled
   * (the cancel request is a flag the running step reads, since google.script.run calls overlap).
   */
  checkpoint: () => void = () => undefined;

  /** The inputs as read (no computation): what a step that only checks the data needs. */
  inputs(): LoadedInputs {
    if (!this.read) this.read = loadInputs(this.ss, this.timeZone, this.today);
    return this.read;
  }

  /** True once this execution has read the inputs. */
  get hasRead(): boolean {
    return this.read !== null;
  }

  /**
   * A fingerprint of the values read and the settings used: a step-by-step run keeps the first step's in its
   * record, and a later step whose fingerprint differs starts the run over instead of mixing two states.
   */
  fingerprint(): string {
    if (this.print === null) {
      const i = this.inputs();
      this.print = fingerprint([
        i.responsesSheet,
        i.schools,
        i.results,
        i.lost,
        i.diagnoses,
        i.factors,
        i.catalog,
        i.manualIndicators,
        this.settings,
      ]);
    }
    return this.print;
  }

  /** The output sheet `builder` lays out, built once per execution (the cell budget and its step both need it). */
  spec(builder: SpecBuilder): SheetSpec {
    let spec = this.specs.get(builder.name);
    if (!spec) {
      const { inputs, report } = this.data();
      spec = builder.build(report, inputs);
      if (spec.name !== builder.name) throw new Error(`compute step: ${builder.name} built a sheet named ${spec.name}`);
      this.specs.set(builder.name, spec);
    }
    return spec;
  }

  data(): { inputs: LoadedInputs; report: Report } {
    if (!this.loaded) {
      const inputs = this.inputs();
      const report = computeReport({
        schools: inputs.schools,
        results: inputs.results,
        lost: inputs.lost,
        diagnoses: inputs.diagnoses,
        factors: inputs.factors,
        settings: this.settings,
        manualIndicators: inputs.manualIndicators,
        assignedMentors: inputs.assignedMentors,
        federalList: inputs.federalList,
        objectivity: inputs.objectivity,
        yearly: inputs.yearly,
        groups: inputs.groups,
      });
      this.loaded = { inputs, report };
    }
    return this.loaded;
  }
}

export interface StepOutcome {
  /** Counts for the run's summary (merged over steps: protections are added up, each roadmap step protects its own). */
  summary?: Partial<Omit<RunSummary, 'kind' | 'sheets' | 'finishedAt'>>;
  /** Sheets this step put in place (final names). */
  sheets?: string[];
}

export interface Step {
  label: string;
  /** True when the step reads the inputs: a step-by-step run then checks they are still what its first step read. */
  readsInputs?: boolean;
  /** True for the steps after the results are in place (the protections): a cancel then no longer stops the run. */
  finishing?: boolean;
  run(ctx: JobContext): StepOutcome;
}

/** One output sheet of «Рассчитать всё»: its name and how its layout is built. */
export interface SpecBuilder {
  name: string;
  build(report: Report, inputs: LoadedInputs): SheetSpec;
}

const COMPUTE_GROUPS: ReadonlyArray<{ label: string; builders: SpecBuilder[] }> = [
  { label: UI.steps.readCompute, builders: [{ name: SHEET_NAMES.isbsh, build: (r) => isbshSheet(r) }] },
  { label: UI.steps.shnor, builders: [{ name: SHEET_NAMES.shnor, build: (r) => shnorSheet(r) }] },
  {
    label: UI.steps.dynamics,
    builders: [
      { name: SHEET_NAMES.dynamics, build: (r) => dynamicsSheet(r) },
      { name: SHEET_NAMES.clusterDynamics, build: (r) => clusterDynamicsSheet(r) },
    ],
  },
  {
    label: UI.steps.summaries,
    builders: [
      { name: SHEET_NAMES.municipalities, build: (r) => municipalitiesSheet(r) },
      { name: SHEET_NAMES.indicators, build: (r) => indicatorsSheet(r) },
      { name: SHEET_NAMES.federalComparison, build: (r) => federalComparisonSheet(r) },
      { name: SHEET_NAMES.riskProfiles, build: (r, i) => riskProfilesSheet(r, i.factors) },
      { name: SHEET_NAMES.dataCheck, build: (_r, i) => dataCheckSheet(i.problems) },
    ],
  },
  {
    label: UI.steps.history,
    builders: [
      { name: SHEET_NAMES.history, build: (r) => historySheet(r) },
      { name: SHEET_NAMES.shnorByYear, build: (r) => shnorByYearSheet(r) },
      { name: SHEET_NAMES.groupDynamics, build: (r) => groupDynamicsSheet(r) },
      { name: SHEET_NAMES.groupClusters, build: (r) => groupClustersSheet(r) },
    ],
  },
];

const COMPUTE_BUILDERS: readonly SpecBuilder[] = COMPUTE_GROUPS.flatMap((g) => g.builders);
/** Output sheets of «Рассчитать всё», in the order they are placed: every sheet the steps stage is swapped in. */
const COMPUTE_SHEETS: readonly string[] = COMPUTE_BUILDERS.map((b) => b.name);

function cellsInUse(ss: Spreadsheet): number {
  return workbookOf(ss)
    .all()
    .reduce((sum, e) => sum + e.rows * e.columns, 0);
}

/**
 * Refuses before writing anything when the run's peak would not fit: its outputs built and measured as the writer will
 * cut them, with the drafts and backups that live beside the current outputs until every one is in place.
 */
function checkCellBudget(ctx: JobContext): void {
  const book = workbookOf(ctx.ss);
  const outputs = COMPUTE_BUILDERS.map((b) => {
    const spec = ctx.spec(b);
    const live = book.find(b.name);
    return { draft: gridOf(spec), dataRows: spec.rows.length, live: live ? { rows: live.rows, columns: live.columns } : null };
  });
  const needed = runPeakCells(outputs);
  const used = cellsInUse(ctx.ss);
  if (used + needed > SHEETS_CELL_LIMIT) {
    const schools = ctx.data().report.schools.length;
    throw new UserError(UI.cellBudget(used + needed, SHEETS_CELL_LIMIT, schoolsThatFit(schools, SHEETS_CELL_LIMIT - used, outputs)));
  }
}

/** The same for a roadmap run: its sheets, plus the reference and monitoring sheets it creates when absent. */
function checkRoadmapBudget(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, roadmaps: number): void {
  const newSheets = [FACTOR_SHEET_NAME, CATALOG_SHEET_NAME, SHEET_NAMES.monitoring].filter((n) => !ss.getSheetByName(n)).length;
  const used = cellsInUse(ss);
  if (used + estimateRoadmapCells(roadmaps, newSheets) > SHEETS_CELL_LIMIT) {
    const fit = Math.max(0, Math.floor((SHEETS_CELL_LIMIT - used - estimateRoadmapCells(0, newSheets)) / ROADMAP_SHEET_CELLS));
    throw new UserError(UI.roadmapBudget(used + estimateRoadmapCells(roadmaps, newSheets), SHEETS_CELL_LIMIT, fit));
  }
}

function stageStep(label: string, builders: SpecBuilder[], first: boolean): Step {
  return {
    label,
    readsInputs: true,
    run(ctx) {
      if (first) checkCellBudget(ctx);
      const { inputs, report } = ctx.data();
      for (const b of builders) {
        ctx.checkpoint();
        stageSheet(ctx.ss, ctx.spec(b));
      }
      // The first step keeps the run's counts, so the later steps never compute them again.
      return first ? { summary: summaryOf(inputs, report) } : {};
    },
  };
}

/** Puts every draft of `names` in place at once, so the outputs change together or not at all. */
function swapStep(label: string, names: readonly string[]): Step {
  return {
    label,
    // Reads the inputs only to compare their fingerprint with the first step's (the runner does it before the swap).
    readsInputs: true,
    run(ctx) {
      const staged = names
        .map((name) => ({ name, sheet: ctx.ss.getSheetByName(name + DRAFT_SUFFIX) }))
        .filter((s): s is { name: string; sheet: GoogleAppsScript.Spreadsheet.Sheet } => s.sheet !== null);
      if (staged.length !== names.length) throw new UserError(UI.draftsMissing);
      swapIn(ctx.ss, staged);
      return { sheets: [...names] };
    },
  };
}

function summaryOf(inputs: LoadedInputs, report: Report): StepOutcome['summary'] {
  return {
    year: report.year,
    schoolsRead: inputs.schools.length,
    problems: inputs.problems.length,
    shnor: report.schools.filter((s) => s.shnor.status === 'ШНОР').length,
    incomplete: report.schools.filter((s) => s.shnor.status === 'неполные данные').length,
    riskZone: report.schools.filter((s) => s.inZone === true).length,
    priority: report.schools.filter((s) => s.priority).length,
  };
}

/**
 * The last step of every run (docs/методика.md §11): the inputs and the computed sheets editable by the people who
 * run the add-in only; protections are re-applied, never duplicated, and people's own protections are kept.
 */
function protectSheetsStep(finishing = true): Step {
  return {
    label: UI.steps.protectSheets,
    finishing,
    run(c) {
      const { inputs } = c.data();
      const names = protectedSheetNames(inputs.responsesSheet);
      try {
        const outcome = applyProtections(c.ss, sheetProtections(inputs.responsesSheet, c.settings.methodologists), names);
        const owner = c.ss.getOwner();
        return { summary: { protections: outcome.applied, accessNotes: accessCaveats(inputs.access, owner ? owner.getEmail() : null) } };
      } catch {
        // The sheets are already in place and complete: the run has done its work. A protection left half-applied is
        // said loudly instead of undoing the results, and the next run (or «Обновить защиту листов») re-applies it.
        return { summary: { protections: 0, accessNotes: [UI.protectionFailed] } };
      }
    },
  };
}

/** Protects roadmaps just written: the sheet for the runners, its editable areas also for the school's people. */
function protectRoadmaps(c: JobContext, written: WrittenRoadmaps): number {
  const { inputs } = c.data();
  const byCode = new Map(inputs.schools.map((s) => [s.schoolCode, s]));
  const peopleOf = (code: string) => {
    const school = byCode.get(code);
    return school ? schoolPeople(inputs.access, school) : [];
  };
  const wanted = written.tabs.flatMap((w) => roadmapProtections(w.schoolCode, w.areas, c.settings.methodologists, peopleOf(w.schoolCode)));
  let applied = applyProtections(
    c.ss,
    wanted,
    written.tabs.map((w) => w.name),
  ).applied;
  if (written.combined) {
    const changed = new Map(written.combined.changed.map((code) => [code, peopleOf(code)]));
    const plan = combinedRoadmapProtections(written.combined.schools, changed, c.settings.methodologists);
    applied += applyProtections(c.ss, plan.wanted, [COMBINED_ROADMAPS], plan.only).applied;
  }
  return applied;
}

/** Every roadmap there is, with its editable areas read from its sheet (for «Обновить защиту листов»): all of them are put in place. */
function existingRoadmaps(ss: Spreadsheet): WrittenRoadmaps {
  const written: WrittenRoadmaps = { tabs: [], combined: null };
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (name === COMBINED_ROADMAPS) {
      const schools = combinedAreas(sheet.getDataRange().getValues());
      written.combined = { schools, changed: schools.map((s) => s.schoolCode) };
      continue;
    }
    if (!name.startsWith(ROADMAP_PREFIX) || name.endsWith(DRAFT_SUFFIX)) continue;
    const areas = roadmapAreasOfSheet(sheet.getDataRange().getValues(), sheet.getMaxRows());
    if (areas) written.tabs.push({ name, schoolCode: name.slice(ROADMAP_PREFIX.length), areas });
  }
  return written;
}

/** Schools per roadmap step: each step stays well inside Apps Script's 6-minute limit. */
export const ROADMAPS_PER_STEP = 20;
/** The menu runs every step in one execution: beyond this many roadmaps it sends the user to the sidebar's steps. */
export const MENU_MAX_ROADMAPS = 60;

/** The steps of a run of `kind`; the roadmap run needs the data to know how many steps it has. */
export function stepsFor(kind: RunKind, ctx: JobContext): Step[] {
  switch (kind) {
    case 'check':
      return [
        {
          label: UI.steps.check,
          readsInputs: true,
          run(c) {
            const { inputs, report } = c.data();
            swapIn(c.ss, [{ name: SHEET_NAMES.dataCheck, sheet: stageSheet(c.ss, dataCheckSheet(inputs.problems)) }]);
            return { sheets: [SHEET_NAMES.dataCheck], summary: summaryOf(inputs, report) };
          },
        },
        protectSheetsStep(),
      ];
    case 'compute':
      return [
        ...COMPUTE_GROUPS.map((g, i) => stageStep(g.label, g.builders, i === 0)),
        swapStep(UI.steps.swap, COMPUTE_SHEETS),
        protectSheetsStep(),
      ];
    case 'roadmaps': {
      const codes = roadmapTargets(ctx.data().report, ctx.options.schoolCodes ?? []);
      if (!codes.length) throw new UserError(UI.noShnor);
      if (ctx.oneExecution && codes.length > MENU_MAX_ROADMAPS) throw new UserError(UI.roadmapsUseSidebar(codes.length));
      const steps: Step[] = [
        {
          label: UI.steps.references,
          run(c) {
            checkRoadmapBudget(c.ss, codes.length);
            ensureReferenceSheets(c.ss);
            return {};
          },
        },
      ];
      for (let from = 0; from < codes.length; from += ROADMAPS_PER_STEP) {
        const chunk = codes.slice(from, from + ROADMAPS_PER_STEP);
        steps.push({
          label: UI.steps.roadmaps(from + 1, from + chunk.length, codes.length),
          readsInputs: true,
          run(c) {
            const { inputs, report } = c.data();
            // Roadmap sheets are not listed in the run's summary (it lives in a 9 KB property); «Мониторинг ДК» lists them.
            const written = generateRoadmaps(c.ss, report, inputs, chunk, c.today);
            return { summary: { protections: protectRoadmaps(c, written) } };
          },
        });
      }
      steps.push(monitoringStep(), protectSheetsStep());
      return steps;
    }
    case 'monitoring':
      return [monitoringStep(), protectSheetsStep()];
    case 'access':
      // Nothing is replaced in this run, so it stays cancellable to the end.
      return [
        protectSheetsStep(false),
        {
          label: UI.steps.protectRoadmaps,
          run(c) {
            return { summary: { protections: protectRoadmaps(c, existingRoadmaps(c.ss)) } };
          },
        },
      ];
  }
}

function monitoringStep(): Step {
  return {
    label: UI.steps.monitoring,
    readsInputs: true,
    run(c) {
      const shnor = c
        .data()
        .report.schools.filter((s) => s.shnor.status === 'ШНОР')
        .map((s) => s.school.schoolCode);
      const { roadmaps, combined } = writeMonitoring(c.ss, c.today, shnor);
      return {
        sheets: [SHEET_NAMES.monitoring, ...(combined ? [COMBINED_ROADMAPS] : [])],
        summary: { roadmaps, combinedRoadmaps: combined },
      };
    },
  };
}
