/**
 * Runs the reply splitter over the reply-parsing corpora (../shared/corpora/reply-parsing, see its
 * README.txt) and checks it against the expectations of the projects they come from:
 *
 * - github-email_reply_parser: the Ruby assertions (expected.json), translated by hand into checks
 *   on our visible text (the non-hidden fragments joined) and quoted text (GITHUB below);
 * - crisp-email-reply-parser: the machine-usable keys of expected.json (first_fragment[_trimmed],
 *   visible_text[_trimmed]) compared exactly, plus the regex assertions translated by hand (CRISP);
 * - mailgun-talon: standard_replies/*.eml (text body via mailparser, expected "Hello" unless a
 *   *_reply_text file exists) and html_replies/*.html (visible HTML as text, all whitespace removed,
 *   must read "Hi. I am fine. Thanks, Alex").
 *
 * Exact comparisons ignore trailing whitespace on each line and around the whole text. Cases left
 * out are in EXCLUDED, changed expectations in ADAPTED, each with the reason. Set CORPUS_VERBOSE=1
 * to print every failure.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { splitReplyHtml, splitReplyText } from '../../modules/mail/reply-text.ts';
import { htmlToText } from '../../platform/html.ts';
import { corporaDir } from '../corpora.ts';

const ROOT = corporaDir('reply-parsing');
const GITHUB = join(ROOT, 'github-email_reply_parser');
const CRISP = join(ROOT, 'crisp-email-reply-parser');
const TALON = join(ROOT, 'mailgun-talon/tests/fixtures');

/** What a case expects of splitReplyText. */
interface Check {
  /** visible equals this ('WHOLE': the whole input, i.e. nothing is cut). */
  exact?: string;
  /** visible starts with this. */
  prefix?: string;
  has?: RegExp[];
  lacks?: RegExp[];
  /** quoted matches each. */
  quoted?: RegExp[];
  /** splitting must take less than this (pathological input). */
  maxMs?: number;
}

/** Cases (corpus/file or corpus/test name) that are not counted, and why. */
const EXCLUDED: Record<string, string> = {
  'github/_inline:test_does_not_modify_input_string': 'JavaScript strings are immutable: nothing to check',
  'crisp/email_reply_header.txt': 'asserts firstFragmentRegex/secondFragmentRegex, whose text is not in expected.json',
  'crisp/email_tricky_4_from_in_body.txt': 'asserts only that there is at least one fragment (always true)',
  'crisp/email_tricky_18_inline_reply.txt': 'asserts only that there is at least one fragment (always true)',
  'crisp/_inline_string_tests': 'bodies are string literals in test.js, not part of the corpus',
  'talon/signature/emails/stripped/*':
    "Talon's sender-name signature extraction (its signature/ module), a different feature: we cut only delimited and client signatures",
};

/** Expectations we changed on purpose, and why. */
const ADAPTED: Record<string, string> = {
  'github/email_1_1.txt + email_1_3.txt':
    'github hides "-Abhishek Kona" as a signature; crisp (email_1.txt, email_3.txt: same text) keeps it visible. ' +
    'They contradict each other; we follow crisp (a "-Name" line is too weak a signal), so the github checks ' +
    'assert everything except that line.',
  'talon/standard_replies/iphone.eml + sparrow.eml':
    'Talon keeps client signatures in the reply text ("Sent from my iPhone", "-- \\nxxx\\nSent with Sparrow"); ' +
    'we cut them by design, so visible must be "Hello" and quoted must start with that signature.',
};

const GITHUB_CHECKS: Record<string, Check> = {
  'correct_sig.txt': { exact: 'this is an email with a correct -- signature.', quoted: [/^-- \nrick/] },
  'email_1_1.txt': {
    prefix:
      'Hi folks\n\nWhat is the best way to clear a Riak bucket of all key, values after\nrunning a test?\n' +
      'I am currently using the Java HTTP API.',
    lacks: [/riak-users/],
  },
  'email_1_2.txt': {
    has: [/^Hi,\nOn [^:]+:/, /^You can list/m, /individually\."$/],
    lacks: [/^> -Abhishek Kona/m, /^_/m],
    quoted: [/^> /, /^_/m],
  },
  'email_1_3.txt': { has: [/^Oh thanks\.\n\nHaving/], lacks: [/^On [^:]+:/m, /^_/m], quoted: [/^On [^:]+:/] },
  'email_1_4.txt': { has: [/^Awesome/], lacks: [/Loader/], quoted: [/^On/, /Loader/] },
  'email_1_5.txt': { exact: 'WHOLE' },
  'email_1_6.txt': { has: [/^I get/], lacks: [/Was this/], quoted: [/^On/m, /Was this/] },
  'email_1_7.txt': { has: [/:\+1:/], lacks: [/Steps 0-2/], quoted: [/^On/, /Steps 0-2/] },
  'email_1_8.txt': {
    has: [/^On [^:]+:/, /^I will reply under this one$/m, /okay\?/, /and under this\.$/],
    lacks: [/inline/, /this is my signature/],
    quoted: [/inline/, /^--\nHey there, this is my signature$/m],
  },
  'email_2_1.txt': { exact: 'Outlook with a reply' },
  'email_2_2.txt': { exact: 'Outlook with a reply directly above line' },
  'email_2_3.txt': { exact: 'Outlook with a reply directly above line' },
  'email_iPhone.txt': { exact: 'Here is another email' },
  'email_BlackBerry.txt': { exact: 'Here is another email' },
  'email_multi_word_sent_from_my_mobile_device.txt': { exact: 'Here is another email' },
  'email_sent_from_my_not_signature.txt': {
    exact: 'Here is another email\n\nSent from my desk, is much easier then my mobile phone.',
  },
  'email_bullets.txt': {
    exact:
      'test 2 this should list second\n\nand have spaces\n\nand retain this formatting\n\n\n' +
      '   - how about bullets\n   - and another',
  },
  'email_sig_delimiter_in_middle_of_line.txt': { exact: 'WHOLE' },
  'email_long_quote.txt': { has: [/^Hi folks/], maxMs: 1000 },
  'email_one_is_not_on.txt': {
    has: [/One outstanding question/],
    lacks: [/^On Oct 1, 2012/m],
    quoted: [/^On Oct 1, 2012/],
  },
  'greedy_on.txt': { has: [/^On your remote host/], lacks: [/On 9 Jan 2014/], quoted: [/^On 9 Jan 2014/] },
  'pathological.txt': { has: [/^I think you're onto something/], maxMs: 1000 },
};

/** Crisp assertions that are regexes or fragment counts, translated; exact ones come from expected.json. */
const CRISP_CHECKS: Record<string, Check> = {
  'email_1.txt': {
    exact:
      'Hi folks\n\nWhat is the best way to clear a Riak bucket of all key, values after\nrunning a test?\n' +
      'I am currently using the Java HTTP API.\n\n-Abhishek Kona',
    quoted: [/^_/],
  },
  'email_2.txt': { has: [/^Hi,\nOn [^:]+:/, /^You can list/m], lacks: [/^_/m], quoted: [/^>/, /^_/m] },
  'email_4.txt': { has: [/^Awesome/], lacks: [/Loader/], quoted: [/^On/, /Loader/] },
  'email_5.txt': { exact: 'WHOLE' },
  'email_6.txt': { has: [/^I get/], lacks: [/Was this/], quoted: [/^On/, /Was this/] },
  'correct_sig.txt': { exact: 'this is an email with a correct -- signature.', quoted: [/^--\nrick/] },
  'sig_no_empty_line.txt': {
    exact: 'this is an email with a signature with no empty line above.',
    quoted: [/^--\nrick/],
  },
  'email_one_is_not_on.txt': { has: [/One outstanding question/], quoted: [/^On Oct 1, 2012/] },
  'email_not_a_signature.txt': { exact: 'WHOLE' },
  'email_not_a_signature_2.txt': { exact: 'WHOLE' },
  'email_tricky_1_on_false_positive.txt': { exact: 'WHOLE' },
  'email_tricky_2_url_with_wrote.txt': { has: [/Check out this article/, /https:\/\/example\.com/] },
  'email_tricky_3_code_block.txt': { has: [/function sendEmail/] },
  'email_tricky_5_mixed_languages.txt': { quoted: [/./] },
  'email_tricky_6_regards_in_sentence.txt': { has: [/with regards to the payment/] },
  'email_tricky_7_multiple_dashes.txt': { has: [/Key Points/] },
  'email_tricky_8_sent_from_in_content.txt': { has: [/sent from my iPhone app/] },
  'email_tricky_9_nested_quotes.txt': { has: [/I agree with the points/], quoted: [/./] },
  'email_tricky_11_double_signature.txt': { has: [/Thanks for your help/], quoted: [/^--$/m] },
  'email_tricky_13_timestamp_variations.txt': { exact: 'WHOLE' },
  'email_tricky_16_unicode_signatures.txt': { has: [/Thanks for the update/] },
  'email_tricky_17_forward_header.txt': { has: [/See the forwarded message/] },
  'email_tricky_19_quote_without_header.txt': { has: [/I wanted to respond/] },
  'email_tricky_20_html_entities.txt': { has: [/&gt; 100 and &lt; 200/] },
};

const normalize = (text: string) => text.replace(/[ \t]+$/gm, '').trim();

/** Problems of one text case ('' when it passes). */
function checkText(input: string, check: Check): string {
  const started = performance.now();
  const { visible, quoted } = splitReplyText(input);
  const ms = performance.now() - started;
  const problems: string[] = [];
  const exact = check.exact === 'WHOLE' ? input.replace(/\r\n?/g, '\n') : check.exact;
  if (exact !== undefined && normalize(visible) !== normalize(exact)) problems.push('visible differs');
  if (check.prefix !== undefined && !normalize(visible).startsWith(check.prefix)) problems.push('prefix differs');
  for (const re of check.has ?? []) if (!re.test(visible)) problems.push(`visible lacks ${re}`);
  for (const re of check.lacks ?? []) if (re.test(visible)) problems.push(`visible has ${re}`);
  for (const re of check.quoted ?? []) if (!re.test(quoted)) problems.push(`quoted lacks ${re}`);
  if (check.maxMs !== undefined && ms > check.maxMs) problems.push(`took ${ms.toFixed(0)} ms`);
  return problems.length === 0 ? '' : `${problems.join('; ')}\n  visible: ${JSON.stringify(visible.slice(0, 300))}`;
}

interface Tally {
  corpus: string;
  passed: number;
  failures: string[];
}

function tally(corpus: string, results: [name: string, problem: string][]): Tally {
  const failures = results.filter(([, p]) => p !== '').map(([name, p]) => `${corpus}/${name}: ${p}`);
  return { corpus, passed: results.length - failures.length, failures };
}

/** Fixture files named in expected.json, plus those its inline tests read (greedy_on, pathological …). */
function githubResults(): [string, string][] {
  const expected = JSON.parse(readFileSync(join(GITHUB, 'expected.json'), 'utf8')) as Record<string, unknown>;
  const names = new Set([...Object.keys(expected).filter((n) => !n.startsWith('_')), ...Object.keys(GITHUB_CHECKS)]);
  const results: [string, string][] = [...names].map((name) => {
    const check = GITHUB_CHECKS[name];
    if (check === undefined) return [name, 'no translated check'];
    return [name, checkText(readFileSync(join(GITHUB, 'test/emails', name), 'utf8'), check)];
  });
  results.push(['_inline:test_handles_non_ascii_characters', checkText('Here’s a test.', { exact: 'Here’s a test.' })]);
  return results;
}

type CrispExpected = Record<string, Record<string, unknown>[]>;
const CRISP_KEYS = ['first_fragment_trimmed', 'first_fragment', 'visible_text', 'visible_text_trimmed'];

function crispResults(): [string, string][] {
  const expected = JSON.parse(readFileSync(join(CRISP, 'expected.json'), 'utf8')) as CrispExpected;
  const results: [string, string][] = [];
  for (const [name, tests] of Object.entries(expected)) {
    if (EXCLUDED[`crisp/${name}`] !== undefined) continue;
    const key = CRISP_KEYS.find((k) => tests.some((t) => typeof t[k] === 'string'));
    const exact = key === undefined ? undefined : String(tests.find((t) => typeof t[key] === 'string')?.[key]);
    const check = { ...CRISP_CHECKS[name], ...(exact === undefined ? {} : { exact }) };
    if (CRISP_CHECKS[name] === undefined && exact === undefined) results.push([name, 'no translated check']);
    else results.push([name, checkText(readFileSync(join(CRISP, 'test/fixtures', name), 'utf8'), check)]);
  }
  return results;
}

const TALON_SIGNATURES: Record<string, { visible: string; quotedStart: string }> = {
  'iphone.eml': { visible: 'Hello', quotedStart: 'Sent from my iPhone' },
  'sparrow.eml': { visible: 'Hello', quotedStart: '-- \nxxx\nSent with Sparrow' },
};

async function talonResults(): Promise<[string, string][]> {
  const results: [string, string][] = [];
  const replies = join(TALON, 'standard_replies');
  for (const file of readdirSync(replies).filter((f) => f.endsWith('.eml'))) {
    const mail = await simpleParser(readFileSync(join(replies, file)));
    const { visible, quoted } = splitReplyText(mail.text ?? '');
    const adapted = TALON_SIGNATURES[file];
    const replyFile = join(replies, file.replace(/\.eml$/, '_reply_text'));
    const want = adapted?.visible ?? (existsSync(replyFile) ? readFileSync(replyFile, 'utf8') : 'Hello');
    let problem = normalize(visible) === normalize(want) ? '' : `visible ${JSON.stringify(visible)}`;
    if (adapted !== undefined && !quoted.startsWith(adapted.quotedStart))
      problem += ` quoted ${JSON.stringify(quoted)}`;
    results.push([`standard_replies/${file}`, problem]);
  }
  const htmlDir = join(TALON, 'html_replies');
  for (const file of readdirSync(htmlDir).filter((f) => f.endsWith('.html'))) {
    const { visibleHtml, quotedHtml } = splitReplyHtml(readFileSync(join(htmlDir, file), 'utf8'));
    const text = htmlToText(visibleHtml).replace(/\s+/g, '');
    const ok = text === 'Hi.Iamfine.Thanks,Alex' && /How are you\?/.test(htmlToText(quotedHtml));
    results.push([`html_replies/${file}`, ok ? '' : `visible ${JSON.stringify(text)}`]);
  }
  return results;
}

describe('reply-parsing corpora', () => {
  it('splits replies like the corpora expect in at least 90% of the cases', async () => {
    expect(existsSync(ROOT), `corpus missing at ${ROOT}`).toBe(true);
    const tallies = [
      tally('github', githubResults()),
      tally('crisp', crispResults()),
      tally('talon', await talonResults()),
    ];
    const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;
    let passed = 0;
    let total = 0;
    for (const t of tallies) {
      const count = t.passed + t.failures.length;
      passed += t.passed;
      total += count;
      console.log(`reply-parsing ${t.corpus}: ${t.passed}/${count} (${pct(t.passed, count)})`);
    }
    const failures = tallies.flatMap((t) => t.failures);
    console.log(
      [
        `reply-parsing overall: ${passed}/${total} (${pct(passed, total)}); excluded ${Object.keys(EXCLUDED).length} groups, adapted ${Object.keys(ADAPTED).length}`,
        ...(process.env.CORPUS_VERBOSE ? failures : failures.map((f) => f.split('\n')[0])),
      ].join('\n'),
    );
    expect(total).toBeGreaterThanOrEqual(90);
    expect(passed / total).toBeGreaterThanOrEqual(0.9);
  });
});
