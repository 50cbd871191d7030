// A release a methodologist without Node can install by copy and paste: builds, then writes
// release/shnor-monitor-<version>/ with the three built files under the names the Apps Script editor
// uses (Code.gs, Sidebar.html, appsscript.json) and ИНСТРУКЦИЯ.txt (Russian paste-in steps), plus the
// same four files as release/shnor-monitor-<version>.zip.
//
//   npm run release                 (or: node scripts/release.mjs --out <folder>)
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--out');
const outRoot = at >= 0 ? path.resolve(process.argv[at + 1]) : path.join(root, 'release');
const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const name = `shnor-monitor-${version}`;

execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });

const build = path.join(root, 'build');
const files = {
  // The editor names script files *.gs; the content is the built JavaScript as it is.
  'Code.gs': await readFile(path.join(build, 'Code.js'), 'utf8'),
  // HtmlService.createHtmlOutputFromFile('Sidebar') finds the HTML file named «Sidebar».
  'Sidebar.html': await readFile(path.join(build, 'Sidebar.html'), 'utf8'),
  'appsscript.json': await readFile(path.join(build, 'appsscript.json'), 'utf8'),
  'ИНСТРУКЦИЯ.txt': instructions(version),
};

const folder = path.join(outRoot, name);
await rm(folder, { recursive: true, force: true });
await mkdir(folder, { recursive: true });
const zip = new JSZip();
for (const [file, text] of Object.entries(files)) {
  await writeFile(path.join(folder, file), text);
  zip.file(`${name}/${file}`, text);
}
const archive = path.join(outRoot, `${name}.zip`);
await writeFile(archive, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
console.log(`release: ${path.relative(root, folder)}/ (${Object.keys(files).join(', ')}) and ${path.relative(root, archive)}`);

function instructions(v) {
  return `ШНОР-монитор ${v}: установка в одну таблицу региона копированием файлов
==========================================================================

Что нужно: Google-аккаунт с правом редактировать таблицу ответов формы «Социальный паспорт школы».
Ничего устанавливать на компьютер не нужно. В папке три файла программы:
  Code.gs          — код дополнения;
  Sidebar.html     — боковая панель;
  appsscript.json  — манифест (часовой пояс и разрешения).

Установка (10 минут)
1. Откройте таблицу ответов формы. В меню выберите «Расширения» → «Apps Script».
   Откроется редактор скрипта, привязанного к этой таблице.
2. Вверху слева нажмите на название «Проект без названия» и назовите проект «ШНОР-монитор»
   (так будет называться пункт меню в таблице).
3. Слева нажмите на шестерёнку «Настройки проекта» и включите флажок
   «Показывать файл манифеста appsscript.json в редакторе». Вернитесь к файлам (значок «< >»).
4. Откройте файл «Код.gs» (или «Code.gs»), выделите всё (Ctrl+A) и удалите. Откройте Code.gs из этой
   папки в «Блокноте», выделите всё, скопируйте и вставьте в редактор.
5. Откройте файл appsscript.json в редакторе, удалите всё и вставьте содержимое appsscript.json из папки.
6. Нажмите «+» рядом с «Файлы» → «HTML» и назовите файл Sidebar (без «.html»; регистр букв важен).
   Удалите его содержимое и вставьте содержимое Sidebar.html из папки.
7. Нажмите «Сохранить проект» (значок дискеты или Ctrl+S).
8. Вернитесь на вкладку таблицы и обновите страницу (F5). Через несколько секунд появится меню
   «Расширения» → «ШНОР-монитор». При первом действии Google попросит разрешения: выберите свой
   аккаунт и нажмите «Разрешить» (какие разрешения и зачем — в README, раздел «OAuth scopes»).
9. Функции (=ISBSH(), =SHNOR_STATUS() и другие) работают в ячейках этой таблицы сразу после сохранения.

Обновление до новой версии: повторите шаги 4–7 с файлами новой версии. Настройки, соответствие
столбцов и листы с результатами сохраняются.

Важно
- Так дополнение работает только в этой одной таблице. Для нескольких таблиц или для всего региона
  нужна установка как дополнения (editor add-on) — её делает администратор домена (README, раздел
  «Install into Google Sheets», путь 2).
- Не копируйте таблицу со скриптом, чтобы «проверить» дополнение рядом с установленным: получатся две
  копии с двумя меню и разными настройками.
- Лист ответов формы и исходные листы дополнение никогда не изменяет.
`;
}
