// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  attrOf,
  earliestTime,
  emailIn,
  firstShown,
  firstShownOf,
  isShown,
  openShadowRoots,
  parseTimestamp,
  queryAllDeep,
  queryAllIn,
  textOf,
  valueByLabel,
  valueOf,
} from './dom';

beforeEach(() => {
  document.body.innerHTML = '';
});

function html(markup: string): HTMLElement {
  const box = document.createElement('div');
  box.innerHTML = markup;
  document.body.appendChild(box);
  return box;
}

describe('textOf / attrOf / valueOf', () => {
  it('collapses whitespace and trims; blank is undefined', () => {
    const box = html('<p>  Hello \n  <b>world</b>  </p><p>   </p>');
    expect(textOf(box.querySelector('p'))).toBe('Hello world');
    expect(textOf(box.querySelectorAll('p')[1])).toBeUndefined();
    expect(textOf(null)).toBeUndefined();
  });

  it('reads attributes trimmed', () => {
    const box = html('<span title="  Tier 2/Dana  "></span><span title=" "></span>');
    expect(attrOf(box.querySelector('span'), 'title')).toBe('Tier 2/Dana');
    expect(attrOf(box.querySelectorAll('span')[1], 'title')).toBeUndefined();
    expect(attrOf(box.querySelector('span'), 'alt')).toBeUndefined();
  });

  it('reads an input’s current value, not its textContent', () => {
    const box = html('<input value="initial"><textarea>Subject  line</textarea>');
    const input = box.querySelector('input')!;
    input.value = 'typed by the agent';
    expect(valueOf(input)).toBe('typed by the agent');
    expect(valueOf(box.querySelector('textarea'))).toBe('Subject line');
    expect(valueOf(null)).toBeUndefined();
  });
});

describe('isShown', () => {
  it('is false for inline display:none, visibility:hidden, hidden and aria-hidden ancestors', () => {
    const box = html(`
      <div id="a" style="display: none"><p id="a1">x</p></div>
      <div id="b" hidden><p id="b1">x</p></div>
      <div id="c" aria-hidden="true"><p id="c1">x</p></div>
      <div id="d" style="visibility: hidden"><p id="d1">x</p></div>
      <div id="e" aria-hidden="false"><p id="e1">x</p></div>`);
    for (const id of ['a1', 'b1', 'c1', 'd1'])
      expect(isShown(box.querySelector(`#${id}`)!), id).toBe(false);
    expect(isShown(box.querySelector('#e1')!)).toBe(true);
  });

  it('stops at `stopAt`, so a hidden page does not hide a root’s own subtree check', () => {
    const box = html('<div id="outer" hidden><div id="root"><p id="in">x</p></div></div>');
    const root = box.querySelector('#root')!;
    expect(isShown(box.querySelector('#in')!)).toBe(false);
    expect(isShown(box.querySelector('#in')!, root)).toBe(true);
  });

  it('crosses shadow-root boundaries to the host', () => {
    const box = html('<div id="host"></div>');
    const host = box.querySelector('#host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p id="inside">x</p>';
    const inside = shadow.querySelector('#inside')!;
    expect(isShown(inside)).toBe(true);
    (host as HTMLElement).style.display = 'none';
    expect(isShown(inside)).toBe(false);
  });

  it('picks the first shown match, trying selectors in order', () => {
    const box = html('<p class="x" hidden>1</p><p class="x">2</p><p class="y">3</p>');
    expect(firstShown(box, '.x')?.textContent).toBe('2');
    expect(firstShownOf(box, ['.none', '.y', '.x'])?.textContent).toBe('3');
    expect(firstShownOf(box, ['.none'])).toBeNull();
  });
});

describe('shadow roots', () => {
  it('finds nested open shadow roots and queries across them without duplicates', () => {
    const box = html('<div id="h1"></div><p class="t">light</p>');
    const s1 = box.querySelector('#h1')!.attachShadow({ mode: 'open' });
    s1.innerHTML = '<p class="t">one</p><div id="h2"></div>';
    const s2 = s1.querySelector('#h2')!.attachShadow({ mode: 'open' });
    s2.innerHTML = '<p class="t">two</p>';
    const closedHost = document.createElement('div');
    closedHost.attachShadow({ mode: 'closed' }).innerHTML = '<p class="t">closed</p>';
    box.appendChild(closedHost);

    expect(openShadowRoots(box)).toEqual([s1, s2]);
    expect(queryAllDeep(box, '.t').map((el) => el.textContent)).toEqual(['light', 'one', 'two']);
    expect(queryAllIn([box, box], '.t')).toHaveLength(1);
  });
});

describe('times', () => {
  it('parses ISO timestamps and rejects junk', () => {
    expect(parseTimestamp('2026-11-24T14:03:11Z')).toBe(Date.UTC(2026, 10, 24, 14, 3, 11));
    expect(parseTimestamp('yesterday')).toBeUndefined();
    expect(parseTimestamp('')).toBeUndefined();
    expect(parseTimestamp(null)).toBeUndefined();
  });

  it('takes the earliest datetime whatever the order, skipping unreadable ones', () => {
    const box = html(`
      <time datetime="2026-11-25T09:00:00Z"></time>
      <time datetime="not a time"></time>
      <time datetime="2026-11-24T14:03:11Z"></time>
      <time></time>`);
    expect(earliestTime(Array.from(box.querySelectorAll('time')))).toBe(
      Date.parse('2026-11-24T14:03:11Z'),
    );
    expect(earliestTime([])).toBeUndefined();
  });
});

describe('emailIn', () => {
  it('prefers a mailto link, decoding it and dropping its query', () => {
    const box = html(
      '<a href="mailto:priya%2Bsso@northwind-example.com?subject=Hi">Priya</a> other@x.io',
    );
    expect(emailIn(box)).toBe('priya+sso@northwind-example.com');
  });

  it('falls back to address-shaped text, else undefined', () => {
    expect(emailIn(html('<p>Contact: lee@example-customer.com today</p>'))).toBe(
      'lee@example-customer.com',
    );
    expect(emailIn(html('<p>no address here</p>'))).toBeUndefined();
    expect(emailIn(null)).toBeUndefined();
  });
});

describe('valueByLabel', () => {
  it('reads dt/dd, label/for and class-named label rows, case-insensitively and with a colon', () => {
    const box = html(`
      <dl><dt>Organization</dt><dd> Northwind  Traders </dd><dt>Plan:</dt><dd>Enterprise</dd></dl>
      <label for="a:co">Company</label><span>noise</span><input id="a:co" value="Lumen">
      <div><p class="inbox-2__attribute__label">Email</p><div>tomas@lumen-example.pt</div></div>`);
    expect(valueByLabel(box, ['organization'])).toEqual({
      found: true,
      value: 'Northwind Traders',
    });
    expect(valueByLabel(box, ['Plan'])).toEqual({ found: true, value: 'Enterprise' });
    expect(valueByLabel(box, ['Company'])).toEqual({ found: true, value: 'Lumen' });
    expect(valueByLabel(box, ['Email'])).toEqual({ found: true, value: 'tomas@lumen-example.pt' });
  });

  it('says found-but-empty and not-found apart', () => {
    const box = html('<dl><dt>Plan</dt><dd> </dd><dt>Tags</dt></dl>');
    expect(valueByLabel(box, ['Plan'])).toEqual({ found: true });
    expect(valueByLabel(box, ['Tags'])).toEqual({ found: true });
    expect(valueByLabel(box, ['Organization'])).toEqual({ found: false });
    expect(valueByLabel(null, ['Plan'])).toEqual({ found: false });
  });

  it('matches labels whole, not as prefixes', () => {
    const box = html('<dl><dt>Plan renewal date</dt><dd>2027-01-01</dd></dl>');
    expect(valueByLabel(box, ['Plan'])).toEqual({ found: false });
  });
});
