import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/model/finding.js';
import {
  escapeBidi,
  escapeMarkdownCell,
  escapeWorkflowData,
  escapeWorkflowProperty,
  stripTerminalControls,
} from '../../src/report/escape.js';
import { GITHUB_SUMMARY_BYTES, githubAnnotations, renderGithub, renderGithubSummary } from '../../src/report/github.js';
import { EN, FixtureBuilder, RULES, VI, fixture, hostileFixture, nastyFixture, nastyText } from './fixtures.js';

const { report, ctx } = fixture();

/** How the Actions runner reads a command line (ActionCommand.TryParseV2): split, then unescape. */
function parseCommand(line: string): { command: string; props: Record<string, string>; data: string } {
  const m = /^::([^\s:]+)(?: ([^:]*))?::(.*)$/su.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const unescape = (s: string, prop: boolean) => {
    let out = s.replace(/%0D/gu, '\r').replace(/%0A/gu, '\n');
    if (prop) out = out.replace(/%3A/gu, ':').replace(/%2C/gu, ',');
    return out.replace(/%25/gu, '%');
  };
  const props: Record<string, string> = {};
  for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
    const i = kv.indexOf('=');
    props[kv.slice(0, i)] = unescape(kv.slice(i + 1), true);
  }
  return { command: m[1] ?? '', props, data: unescape(m[3] ?? '', false) };
}

describe('workflow command escaping', () => {
  it.each([
    ['100%', '100%25'],
    ['a\r\nb', 'a%0D%0Ab'],
    ['literal %0A stays', 'literal %250A stays'],
    ['::error::x', '::error::x'],
  ])('data %j', (input, expected) => {
    expect(escapeWorkflowData(input)).toBe(expected);
  });

  it.each([
    ['a,b', 'a%2Cb'],
    ['c:d', 'c%3Ad'],
    ['::error::', '%3A%3Aerror%3A%3A'],
    ['%0A\n', '%250A%0A'],
  ])('property %j', (input, expected) => {
    expect(escapeWorkflowProperty(input)).toBe(expected);
  });
});

describe('stripTerminalControls', () => {
  it.each([
    ['\u001b[31mred\u001b[0m', 'red'],
    ['\u001b]8;;https://evil\u0007link\u001b]8;;\u0007', 'link'],
    ['\u001b]0;title\u001b\\after', 'after'],
    ['\u009b2Jcsi8', 'csi8'],
    ['over\rwrite', 'over\nwrite'],
    ['bell\u0007 nul\u0000 del\u007f', 'bell nul del'],
    ['\u001bcreset', 'reset'],
    ['tab\tnew\nline\u2028sep', 'tab\tnew\nline\u2028sep'],
    ['unterminated \u001b]0;rest\nnext', 'unterminated \nnext'],
  ])('%j', (input, expected) => {
    expect(stripTerminalControls(input)).toBe(expected);
  });
});

describe('escapeMarkdownCell', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['line\nbreak\u2028here', 'line break here'],
    ['[link](https://x.y) *em* `code` @user', '\\[link\\]\\(https\\:\\/\\/x\\.y\\) \\*em\\* \\`code\\` \\@user'.replace(/\\\//gu, '/')],
    ['&amp; $x$', '&amp;amp; \\$x\\$'],
    ['\u001b[31mred', 'red'],
  ])('%j', (input, expected) => {
    expect(escapeMarkdownCell(input)).toBe(expected);
  });
});

describe('githubAnnotations', () => {
  const { commands, overflow } = githubAnnotations(report, ctx);
  const lines = commands.trimEnd().split('\n');

  it('emits one command per finding, most severe first, with file, lines, columns and title', () => {
    expect(overflow).toBe(0);
    expect(lines).toHaveLength(report.findings.length);
    expect(lines.map((l) => parseCommand(l).command)).toEqual(['error', 'error', 'warning', 'warning', 'warning', 'warning', 'notice']);
    expect(lines[0]).toBe(
      `::error file=${EN},line=3,endLine=3,col=49,endColumn=55,title=factlint entity-spelling (entity-mismatch)::` +
        `Name spelled differently: "Vocord" (en) vs "Vocalord" (vi)%0A${VI}:3:47: "Vocalord"`,
    );
  });

  it('keeps hostile text inside its own command and strips terminal escapes', () => {
    const b = new FixtureBuilder().source({
      id: 'dir/we,ird:na%me.txt',
      lang: 'en',
      paragraphs: [['Line one ::error::fake %0A \u001b[31mred\u001b[0m end.']],
    });
    b.find('r,1', 'unsourced-claim', 'warning', 'msg ::error file=x::injected\n::warning::second\r%0A %25 \u001b[2J done\u2028sep', [['dir/we,ird:na%me.txt#0', '::error::fake']]);
    const { report: r, ctx: c } = b.build([]);
    const out = githubAnnotations(r, c).commands;
    const ls = out.trimEnd().split('\n');
    expect(ls).toHaveLength(1);
    expect(out).not.toContain('\u001b');
    const cmd = parseCommand(ls[0] ?? '');
    expect(cmd.command).toBe('warning');
    expect(cmd.props).toEqual({
      file: 'dir/we,ird:na%me.txt',
      line: '1',
      endLine: '1',
      col: '10',
      endColumn: '23',
      title: 'factlint r,1 (unsourced-claim)',
    });
    expect(cmd.data).toBe('msg ::error file=x::injected\n::warning::second\n%0A %25  done\nsep');
  });

  it('keeps every command on one line for the hostile fixture', () => {
    const h = hostileFixture();
    const out = githubAnnotations(h.report, h.ctx, { limit: 100 }).commands.trimEnd().split('\n');
    expect(out).toHaveLength(h.report.findings.length);
    for (const line of out) expect(() => parseCommand(line)).not.toThrow();
    expect(out.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/u);
  });

  function many(counts: Record<Severity, number>) {
    const b = new FixtureBuilder().source({ id: 'x.txt', lang: 'en', paragraphs: [['Alpha beta gamma.']] });
    for (const sev of ['error', 'warning', 'info'] as const) {
      for (let i = 0; i < counts[sev]; i++) b.find(`r-${sev}`, 'entity-mismatch', sev, `${sev} ${i}`, [['x.txt#0', 'beta']]);
    }
    return b.build(RULES);
  }

  it('stops at the per-level limit and says the rest are in the job summary', () => {
    const { report: r, ctx: c } = many({ error: 25, warning: 3, info: 0 });
    const res = githubAnnotations(r, { ...c, jobSummary: true });
    const cmds = res.commands.trimEnd().split('\n').map(parseCommand);
    expect(res.overflow).toBe(15);
    expect(cmds.filter((x) => x.command === 'error')).toHaveLength(10);
    expect(cmds.filter((x) => x.command === 'warning')).toHaveLength(3);
    const last = cmds[cmds.length - 1];
    expect(last?.command).toBe('notice');
    expect(last?.data).toBe('15 more findings not annotated (GitHub shows at most 10 per level); the job summary lists all 28.');
  });

  it('without a job summary ($GITHUB_STEP_SUMMARY unset) points at the reports instead', () => {
    const { report: r, ctx: c } = many({ error: 25, warning: 3, info: 0 });
    const cmds = githubAnnotations(r, c).commands.trimEnd().split('\n').map(parseCommand);
    expect(cmds[cmds.length - 1]?.data).toBe('15 more findings not annotated (GitHub shows at most 10 per level); the SARIF, HTML or JSON report lists all 28 (and the job summary, when GITHUB_STEP_SUMMARY is set).');
  });

  it('keeps a notice slot free for the overflow message', () => {
    const { report: r, ctx: c } = many({ error: 0, warning: 0, info: 12 });
    const res = githubAnnotations(r, c);
    const cmds = res.commands.trimEnd().split('\n').map(parseCommand);
    expect(cmds.filter((x) => x.command === 'notice')).toHaveLength(10);
    expect(res.overflow).toBe(3);
    expect(githubAnnotations(r, c, { limit: 20 }).overflow).toBe(0);
  });

  it('renderGithub is the limited annotation list', () => {
    expect(renderGithub(report, ctx)).toBe(commands);
  });
});

describe('renderGithubSummary', () => {
  const md = renderGithubSummary(report, ctx);

  it('has counts and a table row for every finding', () => {
    expect(md).toContain('### factlint 0\\.1\\.0: 7 findings');
    expect(md).toContain('2 error · 4 warning · 1 info · 3 sources · 1 story');
    const rows = md.split('\n').filter((l) => /^\| (error|warning|info) \|/u.test(l));
    expect(rows).toHaveLength(7);
    expect(rows[0]).toBe(
      '| error | entity\\-spelling | entity\\-mismatch | articles/en/huawei\\.txt\\:3 | Name spelled differently\\: "Vocord" \\(en\\) vs "Vocalord" \\(vi\\) | articles/en/huawei\\.txt\\:3 “Vocord”<br>articles/vi/huawei\\.txt\\:3 “Vocalord” |'.replace(
        /\\-/gu,
        '-',
      ),
    );
  });

  it('escapes hostile text so it cannot break the table or become markup', () => {
    const h = hostileFixture();
    const out = renderGithubSummary(h.report, h.ctx);
    const rows = out.split('\n').filter((l) => l.startsWith('| error |'));
    expect(rows).toHaveLength(h.report.findings.length);
    for (const row of rows) {
      // 6 cells: 7 unescaped pipes
      expect(row.match(/(?<!\\)\|/gu)).toHaveLength(7);
    }
    expect(out).not.toMatch(/<(?!br>)/u);
    expect(out).not.toContain('\u001b');
  });

  it('stays under the 1 MiB job summary limit', () => {
    const b = new FixtureBuilder().source({ id: 'x.txt', lang: 'en', paragraphs: [['Alpha beta gamma.']] });
    for (let i = 0; i < 2000; i++) b.find('r', 'entity-mismatch', 'warning', `${i} ${'long message '.repeat(60)}`, [['x.txt#0', 'beta']]);
    const { report: r, ctx: c } = b.build(RULES);
    const out = renderGithubSummary(r, c);
    expect(Buffer.byteLength(out, 'utf8')).toBeLessThan(GITHUB_SUMMARY_BYTES);
    expect(out).toMatch(/\n\d+ more findings do not fit in the job summary; see the SARIF or HTML report\.\n$/u);
  });

  it('says so when there are no findings', () => {
    const { report: r, ctx: c } = new FixtureBuilder().source({ id: 'x.txt', lang: 'en', paragraphs: [['A.']] }).build([]);
    expect(renderGithubSummary(r, c)).toContain('No findings.');
  });
});

describe('github output for arbitrary text (property)', () => {
  it('gives one parsable command per finding, and table rows that keep their cells', () => {
    fc.assert(
      fc.property(nastyText, nastyText, nastyText, (text, message, name) => {
        const { report: r, ctx: c } = nastyFixture(text, message, name);
        const lines = githubAnnotations(r, c).commands.trimEnd().split(/\r\n|\r|\n/u);
        expect(lines).toHaveLength(1);
        const cmd = parseCommand(lines[0] ?? '');
        // Bidirectional controls are shown escaped (\u202e), so a name cannot reorder what a reader sees.
        expect(cmd.props['file']).toBe(escapeBidi(stripTerminalControls(`d/${name}.en.txt`)));
        expect(lines[0]).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
        expect(cmd.data.startsWith(escapeBidi(stripTerminalControls(message).replace(/[\u2028\u2029]/gu, '\n')))).toBe(true);
        const row = renderGithubSummary(r, c).split('\n').filter((l) => l.startsWith('| error |'));
        expect(row).toHaveLength(1);
        expect(row[0]?.match(/(?<!\\)\|/gu)).toHaveLength(7);
      }),
      { numRuns: 200 },
    );
  });
});
