/**
 * `npm run reliability`: runs the adversarial suites of test/support/reliabilitySuites.ts
 * against the BUILT add-in in the twin of Apps Script and prints what happened to every case, then,
 * as the LAST line, one JSON object of figures counted from the cases actually run:
 * {"badInputs":N,"badInputsHandled":N,"inputSheetsUnchanged":true,"faultsInjected":M,"outputsIntactAfterFault":M,
 *  "injectionsTried":K,"injectionsNeutralised":K,"concurrentRunsRefused":true,"rerunIdentical":true,"interruptedRunsIdentical":true}
 * The exit code is 0 even when a figure falls short: the figures are the report (npm test asserts them).
 */
import os from 'node:os';
import { runReliability } from '../test/support/reliabilitySuites';

function say(text = ''): void {
  process.stdout.write(text + '\n');
}

const mark = (ok: boolean) => (ok ? 'да ' : 'НЕТ');

function main(): void {
  const started = performance.now();
  const cpu = os.cpus();
  say('ШНОР-монитор: проверки надёжности (npm run reliability)');
  say(
    `Машина: ${cpu[0]?.model ?? 'неизвестный процессор'}, ядер: ${cpu.length}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
  const report = runReliability((suite) => say(`… ${suite}`));
  say();

  say(`1. Неверные и неудобные входные данные: обработано ${report.badInputs.badInputsHandled} из ${report.badInputs.badInputs}`);
  say('   (расчёт завершён, «Проверка данных» называет строку, у остальных школ результаты как в чистом расчёте)');
  for (const c of report.badInputs.cases) {
    say(`   ${mark(c.handled)} ${c.label}`);
    for (const f of c.failures) say(`        ${f}`);
  }
  say();

  say(`2. Формулы и HTML в данных: обезврежено ${report.injections.injectionsNeutralised} из ${report.injections.injectionsTried}`);
  say('   (значение в ячейке равно тексту как есть, формул в листах результатов нет, боковая панель получает текст)');
  const fieldNames: Record<string, string> = {
    name: 'наименование',
    municipality: 'муниципалитет',
    schoolCode: 'Код ОО',
    procedure: 'процедура',
    riskHeader: 'заголовок «Рисков»',
  };
  for (const i of report.injections.injections) {
    say(`   ${mark(i.neutralised)} ${fieldNames[i.field].padEnd(18)} ${i.payload}`);
    for (const f of i.failures.slice(0, 5)) say(`        ${f}`);
  }
  say();

  const f = report.faults;
  const endings = new Map<string, number>();
  for (const x of f.faults) endings.set(x.ending, (endings.get(x.ending) ?? 0) + 1);
  say(
    `3. Сбой на каждой записи расчёта (записей в расчёте: ${f.writesPerRun}): листы целы после ${f.outputsIntactAfterFault} из ${f.faultsInjected} сбоев`,
  );
  say(`   итог: ${[...endings].map(([k, v]) => `${k} — ${v}`).join('; ')}`);
  for (const x of f.faults.filter((x) => !x.intact)) {
    say(`   НЕТ сбой на записи ${x.k}: ${x.failures.join('; ')}`);
  }
  say();

  say('4. Два расчёта одновременно');
  for (const c of report.concurrency.cases) {
    say(`   ${mark(c.refused)} ${c.label}`);
    for (const x of c.failures) say(`        ${x}`);
  }
  say();

  say('5. Повторный запуск на тех же данных');
  for (const c of report.rerun.checks) {
    say(`   ${mark(c.identical)} ${c.label}`);
    for (const x of c.failures) say(`        ${x}`);
  }
  say();

  say('6. Прерванный расчёт из боковой панели (результат как у непрерванного)');
  for (const o of report.interrupted.outcomes) {
    say(`   ${mark(o.identical)} ${o.kind === 'compute' ? 'расчёт' : 'дорожные карты'}, выполнено шагов: ${o.stepsDone}, затем: ${o.way}`);
    for (const x of o.failures) say(`        ${x}`);
  }
  say();

  const w = report.inputWatch;
  say(`Входные листы сравнены до и после каждого действия: ${w.checks} раз, изменений: ${w.changed.length}`);
  for (const c of w.changed.slice(0, 10)) say(`   ${c}`);
  say(`Время проверок: ${((performance.now() - started) / 1000).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} с.`);
  say(JSON.stringify(report.figures));
}

main();
