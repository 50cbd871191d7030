/** The corpus of test/fixtures/files, text files: encodings (UTF-8 with and without BOM, Windows-1251, KOI8-R, UTF-16 «Текст Юникод»), separators, line endings. */
import { describeVariants } from '../support/fileVariants';

const COLUMN_VARIANTS = /^(reworded|reordered|extra-columns|risks-|map-)/;

describeVariants('text files as Excel, LibreOffice and Google save them', (v) => !v.id.startsWith('xlsx-') && !COLUMN_VARIANTS.test(v.id));
