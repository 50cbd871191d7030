/**
 * The Google Form «Социальный паспорт школы» (docs/методика.md §1.1) as data, and its creation with FormApp.
 * Question titles are the field labels, so the responses sheet maps itself without help.
 */
import { FIELDS, type FieldId, type FieldSpec } from './fields';
import { FORM_WORDS } from './messages';

export type QuestionType = 'text' | 'wholeNumber' | 'money' | 'territory' | 'yesno' | 'specialists';

export interface FormQuestion {
  field: FieldId;
  title: string;
  help: string;
  type: QuestionType;
  required: boolean;
}

const TYPE_OF_KIND: Record<FieldSpec['kind'], QuestionType | null> = {
  text: 'text',
  territory: 'territory',
  count: 'wholeNumber',
  yesno: 'yesno',
  list: 'specialists',
  money: 'money',
  timestamp: null,
};

function helpFor(spec: FieldSpec, type: QuestionType): string {
  const specific = (FORM_WORDS.help as Partial<Record<FieldId, string>>)[spec.id];
  if (specific) return specific;
  return type === 'wholeNumber' ? FORM_WORDS.countHelp : type === 'money' ? FORM_WORDS.moneyHelp : '';
}

/**
 * The form's questions (docs/методика.md §1.1), in the order of the fields: required are the fields the sheet
 * cannot be read without and the five inputs of ИСБШ; the Form adds «Отметка времени» itself.
 */
export const PASSPORT_QUESTIONS: readonly FormQuestion[] = FIELDS.flatMap((spec) => {
  const type = TYPE_OF_KIND[spec.kind];
  if (!type || spec.notInForm) return [];
  return [{ field: spec.id, title: spec.label, help: helpFor(spec, type), type, required: spec.required !== 'no' }];
});

function addQuestion(form: GoogleAppsScript.Forms.Form, q: FormQuestion): void {
  switch (q.type) {
    case 'text':
      form.addTextItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required);
      return;
    case 'wholeNumber': {
      // Forms keeps one criterion per validation: whole numbers here; a negative is caught by the reader.
      const validation = FormApp.createTextValidation().setHelpText(FORM_WORDS.wholeNumberError).requireWholeNumber().build();
      form.addTextItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required).setValidation(validation);
      return;
    }
    case 'money': {
      const validation = FormApp.createTextValidation().setHelpText(FORM_WORDS.moneyError).requireNumberGreaterThanOrEqualTo(0).build();
      form.addTextItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required).setValidation(validation);
      return;
    }
    case 'territory':
      form
        .addMultipleChoiceItem()
        .setTitle(q.title)
        .setHelpText(q.help)
        .setRequired(q.required)
        .setChoiceValues([FORM_WORDS.city, FORM_WORDS.village]);
      return;
    case 'yesno':
      form
        .addMultipleChoiceItem()
        .setTitle(q.title)
        .setHelpText(q.help)
        .setRequired(q.required)
        .setChoiceValues([FORM_WORDS.yes, FORM_WORDS.no]);
      return;
    case 'specialists':
      form
        .addCheckboxItem()
        .setTitle(q.title)
        .setHelpText(q.help)
        .setRequired(q.required)
        .setChoiceValues([...FORM_WORDS.specialistChoices]);
      return;
  }
}

/**
 * Creates the form «Социальный паспорт школы» (docs/методика.md §1.1) with PASSPORT_QUESTIONS and links its
 * responses to this spreadsheet (a new responses sheet appears in it). Returns the link for schools and
 * the editor's link.
 */
export function createPassportForm(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { formUrl: string; editUrl: string } {
  // create() names the Drive file only: the title respondents see is set on its own.
  const form = FormApp.create(FORM_WORDS.title);
  form.setTitle(FORM_WORDS.title);
  form.setDescription(FORM_WORDS.description);
  for (const q of PASSPORT_QUESTIONS) addQuestion(form, q);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  return { formUrl: form.getPublishedUrl(), editUrl: form.getEditUrl() };
}
