import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPythonCommands, parsePythonCommand } from '../../../src/core/runner/pythonCommand';
import { PythonNotFoundError, resolvePython } from '../../../src/core/runner/pythonInterpreter';

const windows = { platform: 'win32' as const, home: 'C:\\Users\\ada' };
const linux = { platform: 'linux' as const, home: '/home/ada' };
const existing = (...paths: string[]) => (path: string): boolean => paths.includes(path);

describe('the configured Python interpreter on each platform', () => {
  describe('reading the setting', () => {
    it('a plain command or path is the program', () => {
      assert.deepEqual(parsePythonCommand('python3', linux, existing()), { file: 'python3', args: [], text: 'python3' });
      assert.deepEqual(parsePythonCommand('  /opt/py/bin/python3\n', linux, existing()).file, '/opt/py/bin/python3');
    });

    it('an existing path with spaces is one program, unquoted', () => {
      const path = 'C:\\Program Files\\Python312\\python.exe';
      assert.deepEqual(parsePythonCommand(path, windows, existing(path)), { file: path, args: [], text: path });
      const mac = '/Users/ada/My Envs/venv/bin/python';
      assert.deepEqual(parsePythonCommand(mac, linux, existing(mac)).file, mac);
    });

    it('a quoted program keeps its spaces and may be followed by arguments', () => {
      assert.deepEqual(parsePythonCommand('"C:\\Program Files\\Python312\\python.exe" -X utf8', windows, existing()), {
        file: 'C:\\Program Files\\Python312\\python.exe',
        args: ['-X', 'utf8'],
        text: '"C:\\Program Files\\Python312\\python.exe" -X utf8',
      });
      assert.equal(parsePythonCommand("'/opt/my python/bin/python3'", linux, existing()).file, '/opt/my python/bin/python3');
    });

    it("the Windows launcher's version switch is an argument", () => {
      assert.deepEqual(parsePythonCommand('py -3.12', windows, existing()), { file: 'py', args: ['-3.12'], text: 'py -3.12' });
    });

    it('~ is the home folder, with that platform\'s separators', () => {
      assert.equal(parsePythonCommand('~/venv/bin/python', linux, existing()).file, '/home/ada/venv/bin/python');
      assert.equal(parsePythonCommand('~\\venv\\Scripts\\python.exe', windows, existing()).file, 'C:\\Users\\ada\\venv\\Scripts\\python.exe');
      assert.equal(parsePythonCommand('~user/python', linux, existing()).file, '~user/python', 'another user\'s ~ is not ours');
    });

    it('an empty setting or an unclosed quote is an error that says what to write', () => {
      assert.throws(() => parsePythonCommand('   ', linux, existing()), /setting is empty: name an interpreter/);
      assert.throws(() => parsePythonCommand('"C:\\Python\\python.exe', windows, existing()), /opens a quote it never closes/);
    });

    it('what to try with nothing configured: py -3 first on Windows, python3 elsewhere', () => {
      assert.deepEqual(defaultPythonCommands('win32'), ['py -3', 'python', 'python3']);
      assert.deepEqual(defaultPythonCommands('darwin'), ['python3', 'python']);
      assert.deepEqual(defaultPythonCommands('linux'), ['python3', 'python']);
    });
  });

  describe('resolving it here', () => {
    let folder: string;
    before(() => {
      folder = mkdtempSync(join(tmpdir(), 'python command-'));
      mkdirSync(join(folder, 'My Python', 'bin'), { recursive: true });
      symlinkSync('/usr/bin/python3', join(folder, 'My Python', 'bin', 'python3'));
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('starts an interpreter whose path has spaces, bare or quoted with arguments', async () => {
      const path = join(folder, 'My Python', 'bin', 'python3');
      const bare = await resolvePython(path, folder);
      assert.match(bare.version, /^3\.\d+\.\d+$/);
      const quoted = await resolvePython(`"${path}" -X utf8`, folder);
      assert.equal(quoted.version, bare.version);
    });

    it('with nothing configured, finds a Python 3.9+ among the usual commands', async () => {
      const found = await resolvePython(undefined, folder);
      const [major, minor] = found.version.split('.').map(Number);
      assert.ok(major === 3 && minor >= 9, found.version);
    });

    it('a missing interpreter is an error naming it and the setting', async () => {
      await assert.rejects(resolvePython(join(folder, 'no such python'), folder), (error: unknown) => {
        assert.ok(error instanceof PythonNotFoundError);
        assert.match(error.message, /no such python' is not on PATH.*snowparkLocal\.pythonPath/);
        return true;
      });
    });

    it('a Python older than 3.9 is refused with its version', async function () {
      const old = `${process.env.HOME}/.pyenv/versions/3.8.18/bin/python3`;
      if (!existsSync(old)) this.skip();
      await assert.rejects(resolvePython(old, folder), /is Python 3\.8\.18; Snowflake runs 3\.9–3\.13/);
    });
  });
});
