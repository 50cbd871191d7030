/** Russian words of loading the input sheets (kept apart from the readers' messages.ts while both are being written). */
export const LOAD = {
  noResponsesSheet:
    'Не найден лист с ответами формы «Социальный паспорт школы». Свяжите форму с этой таблицей или выберите лист с ответами в боковой панели (шаг «Данные»).',
  noResultsSheet: 'Нет листа «Результаты ОП»: статусы ШНОР и динамика не рассчитаны.',
  noResultsAction: 'создайте шаблоны (меню «Создать шаблоны») и заполните лист',
  referenceAction: 'строка справочника не использована',
} as const;
