/** The corpus of test/fixtures/files, XLSX layouts: title and merged rows, «Инструкция» sheets, a sheet per year, two header rows, dates, percents, formulas. */
import { describeVariants } from '../support/fileVariants';

describeVariants('XLSX layouts', (v) => v.id.startsWith('xlsx-'));
