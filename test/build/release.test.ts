/**
 * `npm run release`: the folder and zip a methodologist without Node installs by copy and paste. The test
 * builds a release into a temporary folder, checks the four files and the archive, and installs the
 * pasted project into the twin the way the instructions say (Code.gs, Sidebar.html, appsscript.json):
 * the menu appears on open and a custom function works.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createTwin, loadAddon } from '../../emulator/index';

const ROOT = path.resolve(__dirname, '../..');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const NAME = `shnor-monitor-${version}`;

describe('the release artifact', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'shnor-release-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'release.mjs'), '--out', out], { cwd: ROOT, stdio: 'pipe' });
  const folder = path.join(out, NAME);

  it('holds the three built files under the editor’s names, and Russian instructions', () => {
    expect(readdirSync(folder).sort()).toEqual(['Code.gs', 'Sidebar.html', 'appsscript.json', 'ИНСТРУКЦИЯ.txt'].sort());
    expect(readFileSync(path.join(folder, 'Code.gs'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'build/Code.js'), 'utf8'));
    expect(readFileSync(path.join(folder, 'Sidebar.html'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'build/Sidebar.html'), 'utf8'));
    expect(JSON.parse(readFileSync(path.join(folder, 'appsscript.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8')));
    const text = readFileSync(path.join(folder, 'ИНСТРУКЦИЯ.txt'), 'utf8');
    // The steps a paste-in install needs: the bound editor, the manifest shown, each file by name, the reload.
    for (const step of ['«Расширения» → «Apps Script»', 'Показывать файл манифеста appsscript.json', 'Code.gs', 'назовите файл Sidebar', 'appsscript.json', 'обновите страницу']) {
      expect(text).toContain(step);
    }
  });

  it('zips the same four files in one folder', async () => {
    const zip = await JSZip.loadAsync(readFileSync(path.join(out, `${NAME}.zip`)));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort();
    expect(names).toEqual(['Code.gs', 'Sidebar.html', 'appsscript.json', 'ИНСТРУКЦИЯ.txt'].map((f) => `${NAME}/${f}`).sort());
    expect(await zip.file(`${NAME}/Code.gs`)!.async('string')).toBe(readFileSync(path.join(folder, 'Code.gs'), 'utf8'));
  });

  it('works when pasted into a spreadsheet’s own script: the menu appears on open and a custom function computes', () => {
    // The project as the editor holds it after the paste (the twin loads Code.js from a build folder).
    const project = mkdtempSync(path.join(tmpdir(), 'shnor-pasted-'));
    mkdirSync(project, { recursive: true });
    copyFileSync(path.join(folder, 'Code.gs'), path.join(project, 'Code.js'));
    copyFileSync(path.join(folder, 'Sidebar.html'), path.join(project, 'Sidebar.html'));
    copyFileSync(path.join(folder, 'appsscript.json'), path.join(project, 'appsscript.json'));
    const twin = createTwin({ buildDir: project });
    const addon = loadAddon(twin, { buildDir: project });
    addon.call('onOpen', twin.openEvent('LIMITED'));
    expect(twin.ui.menu()?.items.map((i) => ('caption' in i ? i.caption : ''))).toContain('Рассчитать всё');
    addon.call('showSidebar');
    expect(twin.ui.sidebars.length).toBe(1);
    // 65 + 15·0,2 + 20·0,8 − 15·0,2 − 35·0,04 − 15·0,1 = 78,1
    expect(addon.call('ISBSH', 0.2, 0.8, 0.2, 0.04, 0.1)).toBe(78.1);
  });
});
