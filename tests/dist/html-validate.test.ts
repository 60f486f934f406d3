import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { listHtmlFiles } from '../../src/postbuild/build-files.ts';
import { distOf, TARGETS } from './targets.ts';

// Rules: .htmlvalidate.json at the project root (why each setting: docs/QUALITY.md).
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe.each(TARGETS)('HTML validity of the $name build', (target) => {
  it('every page validates with html-validate, with zero errors and zero warnings', async () => {
    const dist = distOf(target);
    const files = listHtmlFiles(dist);
    expect(files.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(join(dist, file));
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
        }
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
