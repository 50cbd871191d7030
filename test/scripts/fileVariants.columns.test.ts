/** The corpus of test/fixtures/files, columns: reworded, reordered and extra columns, risk factors by number or id, and --map. */
import { describeVariants } from '../support/fileVariants';

describeVariants('reworded, reordered and extra columns', (v) => /^(reworded|reordered|extra-columns|risks-|map-)/.test(v.id));
