import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/policy/load';
import { decideUrl } from '../../../src/policy/url-rules';
import { repoRoot, runCli } from '../../support/cli';
import { bundledPolicy } from './fixtures';

// policies/examples/: machine-policy files an IT officer copies. Each must pass `policy check` as shipped.
const folder = path.join(repoRoot, 'policies', 'examples');
const examples = readdirSync(folder).filter((name) => name.endsWith('.yaml')).sort();

function load(name: string) {
  const result = loadPolicy({ machineFile: path.join(folder, name), env: {}, platform: 'linux' });
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
  return result.policy;
}

describe('policies/examples', () => {
  it('holds Gia Lai and the province template', () => {
    expect(examples).toEqual(['gia-lai.yaml', 'province-template.yaml']);
  });

  it.each(examples)('%s passes public-kiosk policy check (exit 0, no notes)', (name) => {
    const result = runCli(['policy', 'check', path.join(folder, name)]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Policy is valid.');
    expect(result.stdout).not.toContain('Notes / Lưu ý');
  });

  it.each(examples)('%s keeps every national allow rule of default.yaml (lists replace whole)', (name) => {
    const national = bundledPolicy().sites.allow.map((rule) => rule.host);
    expect(load(name).sites.allow.map((rule) => rule.host)).toEqual(expect.arrayContaining(national));
  });

  it('Gia Lai opens the new provincial hosts and the old Bình Định links, and still pays and refuses chat', () => {
    const policy = load('gia-lai.yaml');
    for (const url of ['https://dichvucong.gialai.gov.vn/', 'https://syt.gialai.gov.vn/vi/news/', 'https://syt.binhdinh.gov.vn/', 'https://dichvucong.binhdinh.gov.vn/', 'https://pay.vnpay.vn/vpcpay.html']) {
      expect(decideUrl(policy, url).allowed, url).toBe(true);
    }
    for (const url of ['https://gialai.gov.vn.example.com/', 'https://chat.zalo.me/', 'https://192.168.0.1/']) {
      expect(decideUrl(policy, url).allowed, url).toBe(false);
    }
    expect(policy.services.map((tile) => tile.url)).toContain('https://dichvucong.gialai.gov.vn/');
    expect(policy.ui.unitName?.vi).toContain('Gia Lai');
  });

  it('the template is commented in Vietnamese and English and says how to opt out of payments in one line', () => {
    const text = readFileSync(path.join(folder, 'province-template.yaml'), 'utf8');
    expect(text).toContain('# allowCategories: []');
    expect(text).toMatch(/<tinh>/);
    expect(load('province-template.yaml').sites.allowCategories).toEqual(['payments']);
  });
});
